using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>The second step with a recovery code instead of the app; each code is redeemed once.</summary>
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class RecoveryCodeModel(SignInManager<StaffAccount> signIn, SignInAudit audit) : SecondFactorPageModel(signIn, audit)
{
    protected override string Method => "パスワードと回復コード";

    protected override string FailureReason => "回復コード誤り";

    protected override string BadCodeMessage => "BadRecoveryCode";

    protected override Task<SignInResult> SignInWithAsync(string code) => SignInManager.TwoFactorRecoveryCodeSignInAsync(code);
}
