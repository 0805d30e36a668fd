using Microsoft.EntityFrameworkCore;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;

namespace SmartBranch.Modules.Broadcast.Features.DeliveryReport;

/// <summary>What became of each send of a delivery: targets, sent, failed by reason, when it started and finished. The list of deliveries is <c>BroadcastHistory</c>.</summary>
public sealed class BroadcastReports
{
    private readonly BroadcastStaff _staff;

    internal BroadcastReports(BroadcastStaff staff) => _staff = staff;

    public async Task<BroadcastDeliveryReport> GetAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.View);
        var delivery = await _staff.Db.Set<BroadcastDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
            ?? throw new BroadcastRuleException("配信が見つかりません。");
        var runs = await _staff.Db.Set<BroadcastRun>().AsNoTracking()
            .Where(r => r.DeliveryId == deliveryId)
            .ToListAsync(cancellationToken);
        var runIds = runs.Select(r => r.Id).ToList();
        var failures = await _staff.Db.Set<BroadcastBatch>().AsNoTracking()
            .Where(b => runIds.Contains(b.RunId) && (b.State == BroadcastBatchState.Failed || b.State == BroadcastBatchState.Withheld))
            .GroupBy(b => new { b.RunId, b.FailureReason })
            .Select(g => new { g.Key.RunId, g.Key.FailureReason, Recipients = g.Sum(b => b.RecipientCount) })
            .ToListAsync(cancellationToken);

        return new BroadcastDeliveryReport(
            delivery.Id,
            delivery.Title,
            delivery.State,
            delivery.IsEmergency,
            delivery.EmergencyReason,
            delivery.AuthorId,
            delivery.ApproverId,
            delivery.ApprovedRecipientCount,
            runs.OrderBy(r => r.OccurrenceAt).Select(r => new BroadcastRunReport(
                r.Id,
                r.OccurrenceAt,
                r.State,
                r.TargetCount,
                r.SentCount,
                r.FailedCount,
                r.ExcludedCount,
                failures.Where(f => f.RunId == r.Id).Select(f => new BroadcastFailure(f.FailureReason ?? "不明", f.Recipients)).ToList(),
                r.Problem,
                r.StartedAt,
                r.FinishedAt)).ToList());
    }
}

public sealed record BroadcastDeliveryReport(
    Guid DeliveryId,
    string Title,
    BroadcastDeliveryState State,
    bool IsEmergency,
    string? EmergencyReason,
    string AuthorId,
    string? ApproverId,
    int? ApprovedRecipientCount,
    IReadOnlyList<BroadcastRunReport> Runs);

/// <param name="TargetCount">Residents in the audience when the send started.</param>
/// <param name="ExcludedCount">Left out at send time because they may no longer receive messages.</param>
/// <param name="Failures">Recipients not reached, by LINE's reason (or because the send was stopped or expired).</param>
/// <param name="Problem">Why the whole send failed, was held back or not started.</param>
public sealed record BroadcastRunReport(
    Guid RunId,
    DateTimeOffset OccurrenceAt,
    BroadcastRunState State,
    int TargetCount,
    int SentCount,
    int FailedCount,
    int ExcludedCount,
    IReadOnlyList<BroadcastFailure> Failures,
    string? Problem,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

public sealed record BroadcastFailure(string Reason, int Recipients);
