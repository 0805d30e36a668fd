using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Features.Shared;

/// <summary>
/// What every staff action on deliveries shares: the permission check, loading the delivery of the current
/// tenant, saving with a clear answer when someone else changed it first, and the audit entry.
/// </summary>
internal sealed class BroadcastStaff(SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit)
{
    public SmartBranchDbContext Db => db;

    public IAuditLog AuditLog => audit;

    /// <returns>The staff member's account id.</returns>
    public string Require(string permission)
    {
        if (staff.UserId is not { } userId || !staff.HasPermission(permission))
        {
            throw new BroadcastForbiddenException($"この操作には権限「{permission}」が必要です。");
        }

        return userId;
    }

    public async Task<BroadcastDelivery> FindAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await db.Set<BroadcastDelivery>().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
        ?? throw new BroadcastRuleException("配信が見つかりません。削除されたか、別の自治体・環境の配信です。");

    /// <summary>Saves, then records <paramref name="record"/> in the audit log.</summary>
    public async Task SaveAndAuditAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new BroadcastRuleException("この配信は同時に変更されました。画面を読み込み直してから、もう一度操作してください。", e);
        }

        await audit.RecordAsync(record, cancellationToken);
    }

    public static AuditRecord Audit(string action, BroadcastDelivery delivery, string summary) =>
        new(action, "broadcast", delivery.Id.ToString(), $"{summary}「{delivery.Title}」");
}
