using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Identity.Staff;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Identity.Accounts;

/// <summary>Who may sign in at all, and who must use an authenticator app.</summary>
internal sealed class SignInRules(SmartBranchDbContext db)
{
    /// <summary>An operator, or a member of at least one tenant who is not disabled there.</summary>
    public async Task<bool> MaySignInAsync(StaffAccount account, CancellationToken cancellationToken = default) =>
        await CurrentStaff.IsOperatorAsync(db, account.Id, cancellationToken)
        || await db.Set<TenantMembership>().AnyAsync(m => m.UserId == account.Id && !m.IsDisabled, cancellationToken);

    /// <summary>Operators and tenant admins hold the keys to everything else: they must have two factors.</summary>
    public async Task<bool> RequiresTwoFactorAsync(StaffAccount account, CancellationToken cancellationToken = default) =>
        await CurrentStaff.IsOperatorAsync(db, account.Id, cancellationToken)
        || await db.Set<TenantMembership>().AnyAsync(
            m => m.UserId == account.Id && !m.IsDisabled && m.Roles.Contains(StaffRoles.Admin), cancellationToken);
}

/// <summary>Makes <see cref="SignInManager{TUser}"/> refuse (NotAllowed) accounts that <see cref="SignInRules"/> does not let in.</summary>
internal sealed class ActiveMembershipConfirmation(SignInRules rules) : IUserConfirmation<StaffAccount>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffAccount> manager, StaffAccount user) => rules.MaySignInAsync(user);
}
