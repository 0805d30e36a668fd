using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Identity.Accounts;
using SmartBranch.Identity.Email;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Identity.Staff;

internal sealed class StaffDirectory(
    SmartBranchDbContext db,
    UserManager<StaffAccount> users,
    ITenantCatalog tenants,
    StaffEmails emails,
    IAuditLog audit,
    TimeProvider clock) : IStaffDirectory
{
    private DbSet<TenantMembership> Memberships => db.Set<TenantMembership>();

    public async Task<IReadOnlyList<StaffMember>> ListAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        var rows = await (from membership in Memberships.AsNoTracking()
                          join account in db.Set<StaffAccount>().AsNoTracking() on membership.UserId equals account.Id
                          where membership.TenantSlug == tenantSlug
                          orderby account.DisplayName
                          select new { membership, account }).ToListAsync(cancellationToken);
        return rows.Select(r => ToMember(r.membership, r.account)).ToList();
    }

    public async Task<StaffMember> InviteAsync(string tenantSlug, StaffInvitation invitation, CancellationToken cancellationToken)
    {
        var tenant = RequireTenant(tenantSlug);
        var email = RequireEmail(invitation.Email);
        RequireRoles(invitation.Roles);
        if (string.IsNullOrWhiteSpace(invitation.DisplayName))
        {
            throw new StaffDirectoryException("表示名を入力してください。");
        }

        var account = await users.FindByEmailAsync(email) ?? await CreateAccountAsync(email, invitation.DisplayName.Trim());
        if (await Memberships.AnyAsync(m => m.UserId == account.Id && m.TenantSlug == tenantSlug, cancellationToken))
        {
            throw new StaffDirectoryException("このメールアドレスの方はすでにこの自治体の職員として登録されています。");
        }

        var hasPassword = await users.HasPasswordAsync(account);
        var now = clock.GetUtcNow();
        var membership = new TenantMembership
        {
            UserId = account.Id,
            TenantSlug = tenantSlug,
            Roles = invitation.Roles.Distinct().ToList(),
            Departments = Clean(invitation.Departments),
            InvitedAt = now,
            AcceptedAt = hasPassword ? now : null,
        };
        Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);

        await emails.SendInvitationAsync(account, tenant, hasPassword, cancellationToken);
        await audit.RecordAsync(new AuditRecord("staff.invited", "staff", account.Id,
            $"{tenant.Name}の職員として招待しました（役割: {JapaneseRoles(membership.Roles)}）。"), cancellationToken);
        return ToMember(membership, account);
    }

    public async Task<StaffMember> UpdateAsync(
        string tenantSlug, string userId, IReadOnlyList<string> roles, IReadOnlyList<string> departments, CancellationToken cancellationToken)
    {
        RequireTenant(tenantSlug);
        RequireRoles(roles);
        var membership = await RequireMembershipAsync(tenantSlug, userId, cancellationToken);
        if (IsActiveAdmin(membership) && !roles.Contains(StaffRoles.Admin) && await IsLastActiveAdminAsync(membership, cancellationToken))
        {
            throw new StaffDirectoryException("最後の管理者から管理者の役割を外すことはできません。先に別の方を管理者にしてください。");
        }

        var before = JapaneseRoles(membership.Roles);
        membership.Roles = roles.Distinct().ToList();
        membership.Departments = Clean(departments);
        await db.SaveChangesAsync(cancellationToken);

        await audit.RecordAsync(new AuditRecord("staff.roles_changed", "staff", userId,
            $"役割を「{before}」から「{JapaneseRoles(membership.Roles)}」に変更しました。"), cancellationToken);
        return ToMember(membership, await RequireAccountAsync(userId));
    }

    public async Task<StaffMember> SetDisabledAsync(string tenantSlug, string userId, bool disabled, CancellationToken cancellationToken)
    {
        RequireTenant(tenantSlug);
        var membership = await RequireMembershipAsync(tenantSlug, userId, cancellationToken);
        if (disabled && IsActiveAdmin(membership) && await IsLastActiveAdminAsync(membership, cancellationToken))
        {
            throw new StaffDirectoryException("最後の管理者は無効にできません。先に別の方を管理者にしてください。");
        }

        membership.IsDisabled = disabled;
        await db.SaveChangesAsync(cancellationToken);

        var account = await RequireAccountAsync(userId);
        if (disabled)
        {
            // Ends the account's sessions at the sign-in pages at their next validation.
            await users.UpdateSecurityStampAsync(account);
        }

        await audit.RecordAsync(new AuditRecord(disabled ? "staff.disabled" : "staff.enabled", "staff", userId,
            disabled ? "職員のアカウントを無効にしました。" : "職員のアカウントを有効に戻しました。"), cancellationToken);
        return ToMember(membership, account);
    }

    private async Task<StaffAccount> CreateAccountAsync(string email, string displayName)
    {
        var (account, problem) = await InvitedAccounts.CreateAsync(users, email, displayName, clock.GetUtcNow());
        return account ?? throw new StaffDirectoryException(problem!);
    }

    private TenantDefinition RequireTenant(string tenantSlug) =>
        tenants.Find(tenantSlug) ?? throw new StaffDirectoryException("自治体が見つかりません。");

    private static string RequireEmail(string email)
    {
        if (!MailAddress.TryCreate(email?.Trim(), out var address) || address.Address != email!.Trim())
        {
            throw new StaffDirectoryException("メールアドレスの形式が正しくありません。");
        }

        return address.Address;
    }

    private static void RequireRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            throw new StaffDirectoryException("役割を一つ以上選んでください。");
        }

        if (roles.FirstOrDefault(r => !StaffRoles.TenantRoles.Contains(r)) is { } unknown)
        {
            throw new StaffDirectoryException($"役割「{unknown}」はありません。");
        }
    }

    private async Task<TenantMembership> RequireMembershipAsync(string tenantSlug, string userId, CancellationToken cancellationToken) =>
        await Memberships.SingleOrDefaultAsync(m => m.UserId == userId && m.TenantSlug == tenantSlug, cancellationToken)
        ?? throw new StaffDirectoryException("この自治体の職員に該当する方が見つかりません。");

    private async Task<StaffAccount> RequireAccountAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new StaffDirectoryException("アカウントが見つかりません。");

    private static bool IsActiveAdmin(TenantMembership membership) =>
        !membership.IsDisabled && membership.Roles.Contains(StaffRoles.Admin);

    private async Task<bool> IsLastActiveAdminAsync(TenantMembership membership, CancellationToken cancellationToken) =>
        !await Memberships.AnyAsync(
            m => m.TenantSlug == membership.TenantSlug && m.Id != membership.Id && !m.IsDisabled && m.Roles.Contains(StaffRoles.Admin),
            cancellationToken);

    private static List<string> Clean(IReadOnlyList<string> departments) =>
        departments.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();

    private static string JapaneseRoles(IEnumerable<string> roles) => string.Join("・", roles.Select(StaffRoles.JapaneseName));

    private static StaffMember ToMember(TenantMembership membership, StaffAccount account) => new(
        account.Id,
        account.Email ?? "",
        account.DisplayName,
        membership.Roles,
        membership.Departments,
        membership.IsDisabled,
        account.TwoFactorEnabled,
        membership.AcceptedAt is not null,
        account.LastSignInAt);
}
