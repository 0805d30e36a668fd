using Microsoft.Extensions.Options;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Server.Backups;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// The latest restore drill failed: the newest backup might not restore, so an incident opens until a drill
/// succeeds (run <c>restore-drill</c> after the fix). Only where drills are scheduled.
/// </summary>
internal sealed class RestoreDrillAlertRule(RestoreDrill drill, IOptions<BackupOptions> backupOptions) : IAlertRule
{
    public string Id => "restore-drill";

    public async Task<IReadOnlyList<FiringAlert>> EvaluateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!backupOptions.Value.Scheduled || !backupOptions.Value.Drill.Scheduled
            || await drill.LatestAsync(cancellationToken) is not { Succeeded: false } failed)
        {
            return [];
        }

        return
        [
            new FiringAlert(Id, null, null, "リストア訓練の失敗",
                $"{JapanTime.Display(failed.StartedAt)}（日本時間）のリストア訓練が失敗しました（{failed.BackupName ?? "バックアップなし"}）: {failed.FailureReason} "
                + "バックアップの保存先と暗号鍵を確認し、`restore-drill` コマンドで訓練をやり直してください。",
                "failed"),
        ];
    }
}
