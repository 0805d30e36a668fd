using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class SignInModel : AccountPageModel
{
    private readonly SignInManager<StaffAccount> _signIn;
    private readonly SignInAccountLimiter _accountLimiter;
    private readonly SignInAudit _audit;

    public SignInModel(SignInManager<StaffAccount> signIn, SignInAccountLimiter accountLimiter, SignInAudit audit)
    {
        _signIn = signIn;
        _accountLimiter = accountLimiter;
        _audit = audit;
    }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet(bool signedOut = false, bool passwordSet = false)
    {
        Message = signedOut ? Text["SignedOut"] : passwordSet ? Text["PasswordSet"] : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Message = Text["BadCredentials"];
            return Page();
        }

        var account = await _signIn.UserManager.FindByEmailAsync(Email.Trim());
        if (!_accountLimiter.TryAttempt(_signIn.UserManager.NormalizeEmail(Email.Trim())))
        {
            Message = Text["TooManyAttempts"];
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (account is null)
        {
            await _audit.FailedAsync(null, "未登録のアドレス", cancellationToken);
            Message = Text["BadCredentials"];
            return Page();
        }

        var result = await _signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await _audit.SucceededAsync(account, "パスワード", cancellationToken);
            return await _signIn.UserManager.GetTwoFactorEnabledAsync(account) || !await RequiresSetupAsync(account)
                ? RedirectToReturnUrl()
                : RedirectToPage("SetupAuthenticator", new { ReturnUrl = SafeReturnUrl });
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl = SafeReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await _audit.LockedOutAsync(account, cancellationToken);
            Message = Text["LockedOut"];
            return Page();
        }

        await _audit.FailedAsync(account, result.IsNotAllowed ? "利用できないアカウント" : "パスワード誤り", cancellationToken);
        Message = result.IsNotAllowed ? Text["NotAllowed"] : Text["BadCredentials"];
        return Page();
    }

    private async Task<bool> RequiresSetupAsync(StaffAccount account) =>
        (await _signIn.CreateUserPrincipalAsync(account)).MustSetUpTwoFactor();
}
