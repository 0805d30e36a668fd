using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartBranch.Identity.Pages;

/// <summary>The sign-in pages' base: their words and a safe way back to where the user was going.</summary>
public abstract class AccountPageModel : PageModel
{
    public const string HomePath = "/account";

    private AccountText? _text;

    public AccountText Text => _text ??= AccountText.For(HttpContext);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; set; }

    /// <summary>Only a local URL, so a crafted link cannot send a signed-in user elsewhere.</summary>
    protected IActionResult RedirectToReturnUrl() =>
        ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? LocalRedirect(url) : LocalRedirect(HomePath);

    protected string? SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : null;
}
