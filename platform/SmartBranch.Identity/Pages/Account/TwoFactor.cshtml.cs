using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>The second step of sign-in: a code from the authenticator app.</summary>
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class TwoFactorModel(SignInManager<StaffAccount> signIn, SignInAudit audit) : SecondFactorPageModel(signIn, audit)
{
    protected override string Method => "パスワードと認証アプリ";

    protected override string FailureReason => "確認コード誤り";

    protected override string BadCodeMessage => "BadCode";

    protected override Task<SignInResult> SignInWithAsync(string code) =>
        SignInManager.TwoFactorAuthenticatorSignInAsync(code.Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
}
