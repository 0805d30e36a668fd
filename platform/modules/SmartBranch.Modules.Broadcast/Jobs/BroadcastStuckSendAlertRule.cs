using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Jobs;

/// <summary>
/// A send in progress that has stored or completed no batch for <see cref="AlertThresholds.DeliveryStuckAfter"/>:
/// its lease keeps expiring (a worker crashing on it) or no worker takes it, and residents are waiting.
/// </summary>
internal sealed class BroadcastStuckSendAlertRule(SmartBranchDbContext db, IOptions<AlertThresholds> thresholds) : IAlertRule
{
    public string Id => "delivery-stuck";

    public async Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stuckAfter = thresholds.Value.DeliveryStuckAfter;
        // Every tenant's sends: the evaluator stands outside every tenant.
        var sending = await db.Set<BroadcastRun>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.State == BroadcastRunState.Sending)
            .Select(r => new { r.Id, r.TenantSlug, r.EnvironmentName, r.StartedAt, r.CreatedAt, r.SentCount, r.TargetCount })
            .ToListAsync(cancellationToken);
        if (sending.Count == 0)
        {
            return [];
        }

        var runIds = sending.Select(r => r.Id).ToList();
        var batchActivity = await db.Set<BroadcastBatch>().IgnoreQueryFilters().AsNoTracking()
            .Where(b => runIds.Contains(b.RunId))
            .Select(b => new { b.RunId, b.CreatedAt, b.CompletedAt })
            .ToListAsync(cancellationToken);
        var lastProgress = batchActivity
            .GroupBy(b => b.RunId)
            .ToDictionary(g => g.Key, g => g.Max(b => b.CompletedAt ?? b.CreatedAt));

        return sending
            .Select(r => (Run: r, Since: Max(r.StartedAt ?? r.CreatedAt, lastProgress.GetValueOrDefault(r.Id))))
            .Where(x => now - x.Since >= stuckAfter)
            .Select(x => new FiringAlert(Id, x.Run.TenantSlug, x.Run.EnvironmentName,
                "配信が進んでいません",
                $"送信中の配信が {(now - x.Since).TotalMinutes:0} 分間進んでいません（{x.Run.SentCount} / {x.Run.TargetCount} 人に送信済み）。ワーカーの稼働と LINE の応答を確認してください。",
                x.Run.Id.ToString()))
            .ToList();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
