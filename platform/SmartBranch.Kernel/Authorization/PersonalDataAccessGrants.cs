using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Authorization;

internal sealed class PersonalDataAccessGrants(
    SmartBranchDbContext db,
    IServiceProvider services,
    ICurrentTenant currentTenant,
    ITenantCatalog catalog,
    AuditLog auditLog,
    TimeProvider clock) : IPersonalDataAccessGrants
{
    private const int MaxReasonLength = PersonalDataAccessGrantLimits.MaxReasonLength;
    private static readonly TimeSpan MaxDuration = PersonalDataAccessGrantLimits.MaxDuration;

    private ICurrentStaff? Staff => services.GetService<ICurrentStaff>() is { UserId: not null } staff ? staff : null;

    public async Task<PersonalDataAccessGrant> RequestAsync(
        string tenantSlug, string reason, TimeSpan duration, bool emergency, CancellationToken cancellationToken)
    {
        var staff = Staff is { IsOperator: true } signedIn ? signedIn : throw new PersonalDataAccessGrantException("申請できるのは運用事業者だけです。");
        if (catalog.Find(tenantSlug) is null || catalog.StatusOf(tenantSlug) == TenantStatus.Archived)
        {
            throw new PersonalDataAccessGrantException("自治体が見つかりません。");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new PersonalDataAccessGrantException($"理由を {MaxReasonLength} 文字以内で入力してください。");
        }

        if (duration < PersonalDataAccessGrantLimits.MinDuration || duration > MaxDuration)
        {
            throw new PersonalDataAccessGrantException($"期間は 1 分以上 {MaxDuration.TotalHours} 時間以内で指定してください。");
        }

        var now = clock.GetUtcNow();
        var grant = new PersonalDataAccessGrantRecord
        {
            Id = Guid.CreateVersion7(now),
            TenantSlug = tenantSlug,
            OperatorUserId = staff.UserId!,
            OperatorDisplayName = staff.DisplayName ?? staff.UserId!,
            Reason = reason.Trim(),
            IsEmergency = emergency,
            DurationMinutes = (int)Math.Ceiling(duration.TotalMinutes),
            RequestedAt = now,
            ExpiresAt = emergency ? now + duration : null,
        };
        db.PersonalDataAccessGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);

        var summary = emergency
            ? $"【緊急】運用事業者が個人情報の閲覧を開始しました（{grant.DurationMinutes} 分間）。理由: {grant.Reason}"
            : $"運用事業者が個人情報の閲覧を申請しました（{grant.DurationMinutes} 分間）。理由: {grant.Reason}";
        await RecordAsync(grant, emergency ? "access-grant.emergency-opened" : "access-grant.requested", summary, cancellationToken);
        return grant.ToGrant(now);
    }

    public async Task<PersonalDataAccessGrant> ApproveAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await FindAsync(grantId, cancellationToken);
        var approver = Approver(grant);
        var now = clock.GetUtcNow();
        if (grant.StateAt(now) != PersonalDataAccessGrantState.Pending)
        {
            throw new PersonalDataAccessGrantException("この申請はすでに承認・終了しています。");
        }

        grant.ApprovedByUserId = approver.UserId;
        grant.ApprovedByDisplayName = approver.DisplayName ?? approver.UserId;
        grant.ApprovedAt = now;
        grant.ExpiresAt = now + TimeSpan.FromMinutes(grant.DurationMinutes);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(grant, "access-grant.approved",
            $"運用事業者の個人情報閲覧を承認しました（{ExpiryText(grant)} まで）。", cancellationToken);
        return grant.ToGrant(now);
    }

    public async Task RevokeAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await FindAsync(grantId, cancellationToken);
        var revoker = Staff is { IsOperator: true } staff && staff.UserId == grant.OperatorUserId ? staff : Approver(grant);
        var now = clock.GetUtcNow();
        if (grant.StateAt(now) is not (PersonalDataAccessGrantState.Pending or PersonalDataAccessGrantState.Active))
        {
            throw new PersonalDataAccessGrantException("この申請はすでに終了しています。");
        }

        grant.RevokedAt = now;
        grant.RevokedByUserId = revoker.UserId;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(grant, "access-grant.revoked", "運用事業者の個人情報閲覧を終了しました。", cancellationToken);
    }

    public async Task<IReadOnlyList<PersonalDataAccessGrant>> ListAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var grants = await db.PersonalDataAccessGrants.AsNoTracking()
            .Where(g => g.TenantSlug == tenantSlug)
            .OrderByDescending(g => g.RequestedAt)
            .ToListAsync(cancellationToken);
        return grants.Select(g => g.ToGrant(now)).ToList();
    }

    public async Task<bool> HasActiveGrantAsync(string operatorUserId, string tenantSlug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var active = await db.PersonalDataAccessGrants.AsNoTracking()
            .Where(g => g.TenantSlug == tenantSlug && g.OperatorUserId == operatorUserId && g.RevokedAt == null && g.ExpiresAt > now)
            .OrderByDescending(g => g.ExpiresAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (active is null)
        {
            return false;
        }

        if (active.FirstUsedAt is null && await ClaimFirstUseAsync(active.Id, now, cancellationToken))
        {
            await RecordAsync(active, "access-grant.used", "運用事業者が承認された個人情報の閲覧を使い始めました。", cancellationToken);
        }

        return true;
    }

    /// <summary>Audits every grant whose time ran out since the last call; a scheduled job, once a minute.</summary>
    public async Task<int> RecordExpiriesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await db.PersonalDataAccessGrants.AsNoTracking()
            .Where(g => g.ExpiresAt <= now && g.ExpiryRecordedAt == null && g.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var grant in expired)
        {
            // Several workers may sweep at once: only the one whose update lands audits the expiry.
            int claimed;
            await using (await db.BeginWriteAsync(cancellationToken))
            {
                claimed = await db.PersonalDataAccessGrants
                    .Where(g => g.Id == grant.Id && g.ExpiryRecordedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiryRecordedAt, now), cancellationToken);
            }

            if (claimed == 1)
            {
                await RecordAsync(grant, "access-grant.expired", "運用事業者の個人情報閲覧の期限が切れました。", cancellationToken);
                recorded++;
            }
        }

        return recorded;
    }

    private async Task<bool> ClaimFirstUseAsync(Guid grantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            return await db.PersonalDataAccessGrants
                .Where(g => g.Id == grantId && g.FirstUsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.FirstUsedAt, now), cancellationToken) == 1;
        }
    }

    private async Task<PersonalDataAccessGrantRecord> FindAsync(Guid grantId, CancellationToken cancellationToken) =>
        await db.PersonalDataAccessGrants.FindAsync([grantId], cancellationToken)
        ?? throw new PersonalDataAccessGrantException("申請が見つかりません。");

    private ICurrentStaff Approver(PersonalDataAccessGrantRecord grant)
    {
        if (Staff is not { IsOperator: false } staff
            || currentTenant.Tenant?.Slug != grant.TenantSlug
            || !staff.HasPermission(KernelPermissions.AccessGrantsApprove))
        {
            throw new PersonalDataAccessGrantException("この自治体の管理者だけが承認・終了できます。");
        }

        return staff;
    }

    private Task RecordAsync(PersonalDataAccessGrantRecord grant, string action, string summary, CancellationToken cancellationToken) =>
        auditLog.RecordForTenantAsync(grant.TenantSlug, new AuditRecord(action, "access-grant", grant.Id.ToString(), summary), cancellationToken);

    private static string ExpiryText(PersonalDataAccessGrantRecord grant) =>
        grant.ExpiresAt!.Value.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (JST)";
}
