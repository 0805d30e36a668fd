using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>Sets up the authenticator app (QR code and manual key), then shows the recovery codes once.</summary>
[Authorize(AuthenticationSchemes = SmartBranchAuthentication.Account)]
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class SetupAuthenticatorModel(SignInManager<StaffAccount> signIn, SignInAudit audit) : AccountPageModel
{
    private const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public string? SharedKey { get; private set; }

    public string? QrCodeSvg { get; private set; }

    public bool Required { get; private set; }

    public bool AlreadyEnabled { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string ContinueUrl => SafeReturnUrl ?? HomePath;

    private UserManager<StaffAccount> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await Users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("SignIn");
        }

        await ShowKeyAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = await Users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("SignIn");
        }

        if (account.TwoFactorEnabled)
        {
            AlreadyEnabled = true;
            return Page();
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await Users.VerifyTwoFactorTokenAsync(account, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Message = Text["BadCode"];
            await ShowKeyAsync(account);
            return Page();
        }

        await Users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(account);
        await audit.TwoFactorEnabledAsync(account, cancellationToken);
        return Page();
    }

    private async Task ShowKeyAsync(StaffAccount account)
    {
        if (account.TwoFactorEnabled)
        {
            AlreadyEnabled = true;
            return;
        }

        Required = User.MustSetUpTwoFactor();
        var key = await Users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(account);
            key = await Users.GetAuthenticatorKeyAsync(account);
        }

        SharedKey = key;
        var issuer = Uri.EscapeDataString(Users.Options.Tokens.AuthenticatorIssuer);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
