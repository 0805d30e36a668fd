using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.Incidents;

/// <summary>
/// A gateway event refused for not matching our record (or a payment made twice), detected within
/// <see cref="Window"/>: someone must compare the gateway's records with ours and refund or correct by hand.
/// </summary>
internal sealed class PaymentDiscrepancyAlertRule(SmartBranchDbContext db) : IAlertRule
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public string Id => "payment-discrepancy";

    public async Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Window;
        // Every tenant's discrepancies: the evaluator stands outside every tenant.
        var discrepancies = await db.Set<PaymentDiscrepancy>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.DetectedAt >= since)
            .ToListAsync(cancellationToken);
        return discrepancies
            .Select(d => new FiringAlert(Id, d.TenantSlug, d.EnvironmentName,
                "決済の通知が記録と合いません",
                $"{d.Gateway} のイベント {d.EventId}（参照番号 {d.Reference}）: {d.Detail} 決済サービスの管理画面と照合してください。",
                d.EventId))
            .ToList();
    }
}
