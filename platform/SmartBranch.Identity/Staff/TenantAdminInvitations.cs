using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Email;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Identity.Staff;

/// <summary>The operators' console's side: the same inviter as <c>invite-admin</c>, for signed-in operators only.</summary>
internal sealed class TenantAdminInvitations(TenantAdminInviter inviter, IStaffDirectory directory, ICurrentStaff staff) : ITenantAdminInvitations
{
    public async Task<IReadOnlyList<StaffMember>> ListAdminsAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        RequireOperator();
        return [.. (await directory.ListAsync(tenantSlug, cancellationToken)).Where(m => m.Roles.Contains(StaffRoles.Admin))];
    }

    public Task<TenantAdminInvited> InviteAsync(string tenantSlug, TenantAdminInvitation invitation, CancellationToken cancellationToken)
    {
        RequireOperator();
        return inviter.InviteAsync(tenantSlug, invitation, "運用コンソールから", cancellationToken);
    }

    private void RequireOperator()
    {
        if (!staff.IsOperator)
        {
            throw new UnauthorizedAccessException("Only the vendor's operators invite a tenant's admins.");
        }
    }
}

/// <summary>
/// Makes an address an admin of a tenant through the staff invitation. A pending invitation is sent
/// again with a new link: the account's security stamp changes first, which kills the old one.
/// </summary>
internal sealed class TenantAdminInviter(
    SmartBranchDbContext db,
    UserManager<StaffAccount> users,
    ITenantCatalog tenants,
    StaffEmails emails,
    ITenantAuditLog audit,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock)
{
    private DbSet<TenantMembership> Memberships => db.Set<TenantMembership>();

    /// <param name="via">Where the invitation came from, for the audit log (運用コンソールから, コマンドから).</param>
    public async Task<TenantAdminInvited> InviteAsync(string tenantSlug, TenantAdminInvitation invitation, string via, CancellationToken cancellationToken)
    {
        var tenant = tenants.Find(tenantSlug) ?? throw new TenantAdminInvitationException($"自治体「{tenantSlug}」が見つかりません。");
        if (invitation.Problems() is [var problem, ..])
        {
            throw new TenantAdminInvitationException(problem);
        }

        var email = invitation.Email.Trim();
        var account = await users.FindByEmailAsync(email);
        var isNewAccount = account is null;
        account ??= await CreateAccountAsync(email, invitation.DisplayName.Trim());
        var hasPassword = await users.HasPasswordAsync(account);
        var membership = await Memberships.SingleOrDefaultAsync(m => m.UserId == account.Id && m.TenantSlug == tenantSlug, cancellationToken);
        if (membership is { IsDisabled: false, AcceptedAt: not null } && membership.Roles.Contains(StaffRoles.Admin))
        {
            throw new TenantAdminInvitationException(new TenantAdminInvitationProblem(TenantAdminInvitationField.Email,
                $"このメールアドレスの方はすでに{tenant.Name}の管理者です。招待し直す必要はありません。"));
        }

        var outcome = hasPassword ? TenantAdminInvitationOutcome.Added
            : membership is null ? TenantAdminInvitationOutcome.Invited
            : TenantAdminInvitationOutcome.Resent;
        membership ??= Memberships.Add(new TenantMembership
        {
            UserId = account.Id,
            TenantSlug = tenantSlug,
            InvitedAt = clock.GetUtcNow(),
            AcceptedAt = hasPassword ? clock.GetUtcNow() : null,
        }).Entity;
        membership.Roles = [.. membership.Roles.Append(StaffRoles.Admin).Distinct()];
        membership.Departments = [.. membership.Departments.Append(invitation.Department?.Trim() ?? "").Where(d => d.Length > 0).Distinct()];
        membership.IsDisabled = false;
        membership.AcceptedAt ??= hasPassword ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);

        if (!hasPassword && !isNewAccount)
        {
            await users.UpdateSecurityStampAsync(account);
        }

        var link = await emails.SendInvitationAsync(account, tenant, hasPassword, cancellationToken);
        await audit.RecordForTenantAsync(tenantSlug, new AuditRecord("staff.admin_invited", "staff", account.Id,
            $"{tenant.Name}の管理者として{Describe(outcome)}（{via}）。"), cancellationToken);
        var admin = new StaffMember(account.Id, email, account.DisplayName, membership.Roles, membership.Departments,
            IsDisabled: false, account.TwoFactorEnabled, InvitationAccepted: hasPassword, account.LastSignInAt);
        return new TenantAdminInvited(admin, outcome, hasPassword || IsSmtpConfigured ? null : link);
    }

    private bool IsSmtpConfigured => !string.IsNullOrEmpty(smtp.Value.Host);

    private static string Describe(TenantAdminInvitationOutcome outcome) => outcome switch
    {
        TenantAdminInvitationOutcome.Invited => "招待しました",
        TenantAdminInvitationOutcome.Resent => "招待を送り直しました。以前のリンクは無効です",
        _ => "管理者の役割を付け、サインインの案内を送りました",
    };

    private async Task<StaffAccount> CreateAccountAsync(string email, string displayName)
    {
        var (account, problem) = await InvitedAccounts.CreateAsync(users, email, displayName, clock.GetUtcNow());
        return account ?? throw new TenantAdminInvitationException(problem!);
    }
}
