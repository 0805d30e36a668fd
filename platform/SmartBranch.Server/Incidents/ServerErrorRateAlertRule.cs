using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Server.Incidents;

/// <summary>The whole server's 5xx answers as a share of all its answers over the window, once there is traffic enough to judge.</summary>
internal sealed class ServerErrorRateAlertRule(SmartBranchDbContext db, IOptions<AlertThresholds> thresholds) : IAlertRule
{
    public string Id => "error-rate";

    public async Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = thresholds.Value.ErrorRate;
        var since = now - threshold.Window;
        var counts = await db.Set<RequestOutcomeCount>().AsNoTracking()
            .Where(c => c.Minute >= since && (c.Outcome == RequestOutcome.Answered || c.Outcome == RequestOutcome.ServerError))
            .GroupBy(c => c.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        var answered = counts.Where(c => c.Outcome == RequestOutcome.Answered).Sum(c => c.Count);
        var errors = counts.Where(c => c.Outcome == RequestOutcome.ServerError).Sum(c => c.Count);
        if (answered < threshold.MinimumRequests || errors * 100.0 < answered * threshold.Percent)
        {
            return [];
        }

        return
        [
            new FiringAlert(Id, null, null,
                "サーバーエラーの急増",
                $"直近 {threshold.Window.TotalMinutes:0} 分の応答 {answered} 件のうち {errors} 件（{errors * 100.0 / answered:0.#}%）がサーバーエラー（5xx）でした（しきい値 {threshold.Percent:0.#}%）。サーバーのログとデータベースの状態を確認してください。"),
        ];
    }
}
