using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SmartBranch.Identity.Accounts;

/// <summary>Marks the session of an account that must set up two factors before it may do anything else.</summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffAccount> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, SignInRules rules)
    : UserClaimsPrincipalFactory<StaffAccount, IdentityRole>(users, roles, options)
{
    public const string TwoFactorSetupRequiredClaim = "smartbranch:2fa_setup_required";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!user.TwoFactorEnabled && await rules.RequiresTwoFactorAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorSetupRequiredClaim, "true"));
        }

        return identity;
    }
}

internal static class TwoFactorSetupClaims
{
    public static bool MustSetUpTwoFactor(this ClaimsPrincipal principal) =>
        principal.HasClaim(StaffClaimsPrincipalFactory.TwoFactorSetupRequiredClaim, "true");
}
