using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;

namespace SmartBranch.Identity.Pages.Account;

[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class ResetPasswordModel(UserManager<StaffAccount> users, SignInAudit audit) : NewPasswordPageModel(users)
{
    protected override Task<bool> IsValidAsync(StaffAccount account, string token) =>
        Users.VerifyUserTokenAsync(account, Users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffAccount>.ResetPasswordTokenPurpose, token);

    protected override async Task<IdentityResult> SetPasswordAsync(StaffAccount account, string token, string password, CancellationToken cancellationToken)
    {
        var result = await Users.ResetPasswordAsync(account, token, password);
        if (result.Succeeded)
        {
            await audit.PasswordResetAsync(account, cancellationToken);
        }

        return result;
    }
}
