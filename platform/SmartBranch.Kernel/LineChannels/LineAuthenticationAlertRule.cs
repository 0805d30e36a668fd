using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>
/// LINE answered 401 to a tenant's calls: its channel access token was revoked or reissued, and nothing
/// reaches its residents until an operator sets the new one.
/// </summary>
internal sealed class LineAuthenticationAlertRule(SmartBranchDbContext db, IOptions<AlertThresholds> thresholds) : IAlertRule
{
    public string Id => "line-authentication";

    public async Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = thresholds.Value.LineAuthenticationErrors;
        var since = now - threshold.Window;
        var counts = await db.LineApiFailures.AsNoTracking()
            .Where(f => f.StatusCode == 401 && f.OccurredAt >= since)
            .GroupBy(f => new { f.TenantSlug, f.EnvironmentName })
            .Select(g => new { g.Key.TenantSlug, g.Key.EnvironmentName, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.Where(c => c.Count >= threshold.Threshold)
            .Select(c => new FiringAlert(Id, c.TenantSlug, c.EnvironmentName,
                "LINE の認証エラー（チャネルアクセストークンの失効）",
                $"直近 {threshold.Window.TotalMinutes:0} 分に LINE がチャネルアクセストークンを {c.Count} 回拒否しました（HTTP 401）。トークンが失効または再発行された可能性があります。コンソールのチャネル設定で新しいトークンを設定してください。"))
            .ToList();
    }
}
