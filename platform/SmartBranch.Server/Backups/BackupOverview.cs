using Microsoft.Extensions.Options;
using SmartBranch.Kernel.Backups;
using SmartBranch.Kernel.Incidents;

namespace SmartBranch.Server.Backups;

/// <summary>The console's view of backups and drills: read from the store and the drill records on each call.</summary>
internal sealed class BackupOverview(
    BackupService backups, RestoreDrill drill, IOptions<AlertThresholds> thresholds) : IBackupOverview
{
    public async Task<BackupState> GetAsync(CancellationToken cancellationToken)
    {
        var newest = await backups.Store.NewestAsync(cancellationToken);
        var failedAt = await backups.Store.LastFailureAsync(cancellationToken);
        return new BackupState(
            backups.Store.Location,
            newest is null ? null : new BackupSummary(newest.Name, newest.CreatedAt, newest.Size),
            failedAt is { } at && (newest is null || at > newest.CreatedAt) ? at : null,
            await drill.LatestAsync(cancellationToken),
            thresholds.Value.BackupMaxAge,
            RestoreDrillOptions.OverdueAfter);
    }
}
