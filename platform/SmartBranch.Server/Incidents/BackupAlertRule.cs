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

    public async Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!backupOptions.Value.Scheduled)
        {
            return [];
        }

        var maxAge = thresholds.Value.BackupMaxAge;
        var newest = await backups.Store.NewestAsync(cancellationToken);
        var alerts = new List<FiringAlert>();
        if (await backups.Store.LastFailureAsync(cancellationToken) is { } failedAt && (newest is null || failedAt > newest.CreatedAt))
        {
            alerts.Add(new FiringAlert(Id, null, null, "バックアップの失敗",
                $"{JapanTime.Display(failedAt)}（日本時間）に始めたバックアップが失敗しました。サーバーのログ、保存先（{backups.Store.Location}）の空き容量と権限、暗号鍵の設定を確認し、`backup` コマンドで取り直してください。",
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
