using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>The second step of sign-in: a code from the authenticator app.</summary>
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class TwoFactorModel(SignInManager<StaffAccount> signIn, SignInAudit audit) : AccountPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn", new { ReturnUrl = SafeReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            return RedirectToPage("SignIn", new { ReturnUrl = SafeReturnUrl });
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.SucceededAsync(account, "パスワードと認証アプリ", cancellationToken);
            return RedirectToReturnUrl();
        }

        if (result.IsLockedOut)
        {
            await audit.LockedOutAsync(account, cancellationToken);
            Message = Text["LockedOut"];
            return Page();
        }

        await audit.FailedAsync(account, "確認コード誤り", cancellationToken);
        Message = Text["BadCode"];
        return Page();
    }
}
