using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SmartBranch.Identity.Accounts;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>A page reached from an e-mailed link (<c>?user=…&amp;token=…</c>) that sets a password.</summary>
internal abstract class NewPasswordPageModel(UserManager<StaffAccount> users) : AccountPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkIsValid { get; private set; }

    protected UserManager<StaffAccount> Users => users;

    protected abstract Task<bool> IsValidAsync(StaffAccount account, string token);

    protected abstract Task<IdentityResult> SetPasswordAsync(StaffAccount account, string token, string password, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync()
    {
        await FindValidAccountAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = await FindValidAccountAsync();
        if (account is null)
        {
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            Message = Text["PasswordsDiffer"];
            return Page();
        }

        var result = await SetPasswordAsync(account, Token!, Password ?? "", cancellationToken);
        if (!result.Succeeded)
        {
            Message = string.Join(" ", result.Errors.Select(e => e.Description));
            return Page();
        }

        return RedirectToPage("SignIn", new { passwordSet = true });
    }

    private async Task<StaffAccount?> FindValidAccountAsync()
    {
        var account = UserId is { Length: > 0 } && Token is { Length: > 0 } ? await users.FindByIdAsync(UserId) : null;
        LinkIsValid = account is not null && await IsValidAsync(account, Token!);
        if (!LinkIsValid)
        {
            Message = Text["InvalidLink"];
            return null;
        }

        return account;
    }
}
