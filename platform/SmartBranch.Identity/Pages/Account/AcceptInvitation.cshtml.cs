using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Security;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Identity.Pages.Account;

/// <summary>An invited person sets the first password; the link dies with it (the security stamp changes).</summary>
[EnableRateLimiting(SignInRateLimitPolicy.Name)]
internal sealed class AcceptInvitationModel(UserManager<StaffAccount> users, SmartBranchDbContext db, SignInAudit audit, TimeProvider clock)
    : NewPasswordPageModel(users)
{
    protected override async Task<bool> IsValidAsync(StaffAccount account, string token) =>
        !await Users.HasPasswordAsync(account)
        && await Users.VerifyUserTokenAsync(account, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token);

    protected override async Task<IdentityResult> SetPasswordAsync(StaffAccount account, string token, string password, CancellationToken cancellationToken)
    {
        var result = await Users.AddPasswordAsync(account, password);
        if (!result.Succeeded)
        {
            return result;
        }

        account.EmailConfirmed = true;
        await Users.UpdateAsync(account);
        var pending = await db.Set<TenantMembership>().Where(m => m.UserId == account.Id && m.AcceptedAt == null).ToListAsync(cancellationToken);
        pending.ForEach(m => m.AcceptedAt = clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.InvitationAcceptedAsync(account, cancellationToken);
        return result;
    }
}
