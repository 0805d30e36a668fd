using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>The second step with a recovery code instead of the app; each code is redeemed once.</summary>
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class RecoveryCodeModel(SignInManager<StaffAccount> signIn, SignInAudit audit) : AccountPageModel
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

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync((Code ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.SucceededAsync(account, "パスワードと回復コード", cancellationToken);
            return RedirectToReturnUrl();
        }

        if (result.IsLockedOut)
        {
            await audit.LockedOutAsync(account, cancellationToken);
            Message = Text["LockedOut"];
            return Page();
        }

        await audit.FailedAsync(account, "回復コード誤り", cancellationToken);
        Message = Text["BadRecoveryCode"];
        return Page();
    }
}
