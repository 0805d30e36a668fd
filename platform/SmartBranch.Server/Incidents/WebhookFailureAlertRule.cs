using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// LINE's webhooks to a tenant environment refused for their signature (the channel secret was reissued,
/// or someone else is posting) or failed with 5xx (residents' messages wait for LINE's redelivery).
/// </summary>
internal sealed class WebhookFailureAlertRule(SmartBranchDbContext db, IOptions<AlertThresholds> thresholds) : IAlertRule
{
    public string Id => "webhook-failures";

    public async Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = thresholds.Value.WebhookFailures;
        var since = now - threshold.Window;
        var counts = await db.Set<RequestOutcomeCount>().AsNoTracking()
            .Where(c => c.Minute >= since && (c.Outcome == RequestOutcome.WebhookSignatureRejected || c.Outcome == RequestOutcome.WebhookServerError))
            .GroupBy(c => new { c.TenantSlug, c.EnvironmentName, c.Outcome })
            .Select(g => new { g.Key.TenantSlug, g.Key.EnvironmentName, g.Key.Outcome, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        return counts
            .GroupBy(c => (c.TenantSlug, c.EnvironmentName))
            .Select(g => (g.Key.TenantSlug, g.Key.EnvironmentName,
                Rejected: g.Where(c => c.Outcome == RequestOutcome.WebhookSignatureRejected).Sum(c => c.Count),
                Failed: g.Where(c => c.Outcome == RequestOutcome.WebhookServerError).Sum(c => c.Count)))
            .Where(c => c.Rejected + c.Failed >= threshold.Threshold)
            .Select(c => new FiringAlert(Id, c.TenantSlug, c.EnvironmentName,
                "LINE Webhook の受信失敗",
                $"直近 {threshold.Window.TotalMinutes:0} 分に Webhook の署名不一致が {c.Rejected} 件、サーバーエラー（5xx）が {c.Failed} 件ありました。"
                + "署名不一致が続く場合はチャネルシークレットの再発行を、5xx が続く場合はサーバーのログを確認してください。"))
            .ToList();
    }
}
