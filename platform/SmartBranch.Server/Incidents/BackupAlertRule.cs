using Microsoft.Extensions.Options;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Server.Backups;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// The latest backup attempt failed, or the newest backup is older than <see cref="AlertThresholds.BackupMaxAge"/>
/// (none at all counts from the first evaluation of this process). Only where backups are scheduled.
/// </summary>
internal sealed class BackupAlertRule(
    BackupService backups, IOptions<BackupOptions> backupOptions, IOptions<AlertThresholds> thresholds, AlertEvaluatorStart start) : IAlertRule
{
    public string Id => "backup";

    public Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FiringAlert>>(Evaluate(now));

    private List<FiringAlert> Evaluate(DateTimeOffset now)
    {
        if (!backupOptions.Value.Scheduled)
        {
            return [];
        }

        var maxAge = thresholds.Value.BackupMaxAge;
        var newest = backups.Store.List() is [var first, ..] ? first : null;
        var alerts = new List<FiringAlert>();
        if (backups.Store.LastFailure() is { } failedAt && (newest is null || failedAt > newest.CreatedAt))
        {
            alerts.Add(new FiringAlert(Id, null, null, "バックアップの失敗",
                $"{JapanTime.Display(failedAt)}（日本時間）に始めたバックアップが失敗しました。サーバーのログ、保存先の空き容量、暗号鍵の設定を確認し、`backup` コマンドで取り直してください。",
                "failed"));
        }

        if (newest is null ? now - start.At > maxAge : now - newest.CreatedAt > maxAge)
        {
            alerts.Add(new FiringAlert(Id, null, null, "バックアップの欠落",
                newest is null
                    ? "バックアップが 1 つもありません。"
                    : $"最新のバックアップは {JapanTime.Display(newest.CreatedAt)}（日本時間）のもので、{maxAge.TotalHours:0} 時間以上前です。",
                "missing"));
        }

        return alerts;
    }
}
