using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SmartBranch.Identity.Accounts;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>
/// The second step of sign-in, after the password: one code, checked by <see cref="SignInWithAsync"/>;
/// success, lockout and failure are audited and answered alike whatever the kind of code.
/// </summary>
internal abstract class SecondFactorPageModel(SignInManager<StaffAccount> signIn, SignInAudit audit) : AccountPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    protected SignInManager<StaffAccount> SignInManager => signIn;

    /// <summary>How the person signed in, for the audit log (e.g. パスワードと認証アプリ).</summary>
    protected abstract string Method { get; }

    /// <summary>Why a code was refused, for the audit log.</summary>
    protected abstract string FailureReason { get; }

    /// <summary>The <see cref="AccountText"/> key of the message shown for a wrong code.</summary>
    protected abstract string BadCodeMessage { get; }

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithAsync(string code);

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn", new { ReturnUrl = SafeReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            return RedirectToPage("SignIn", new { ReturnUrl = SafeReturnUrl });
        }

        var result = await SignInWithAsync((Code ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.SucceededAsync(account, Method, cancellationToken);
            return RedirectToReturnUrl();
        }

        if (result.IsLockedOut)
        {
            await audit.LockedOutAsync(account, cancellationToken);
            Message = Text["LockedOut"];
            return Page();
        }

        await audit.FailedAsync(account, FailureReason, cancellationToken);
        Message = Text[BadCodeMessage];
        return Page();
    }
}
