namespace SmartBranch.Kernel.Backups;

/// <summary>The state of backups and restore drills for the operators' console (implemented by the server, which makes them).</summary>
public interface IBackupOverview
{
    Task<BackupState> GetAsync(CancellationToken cancellationToken);
}

/// <param name="Store">Where backups go: a directory or <c>s3://bucket/prefix</c>.</param>
/// <param name="LastBackup">The newest complete backup; null when there is none.</param>
/// <param name="LastFailureAt">When the latest failed attempt began, if it is newer than the last backup.</param>
/// <param name="LastDrill">The latest restore drill; null when none has run.</param>
/// <param name="BackupMaxAge">An older newest backup is an alert.</param>
/// <param name="DrillMaxAge">An older latest drill is overdue.</param>
public sealed record BackupState(
    string Store, BackupSummary? LastBackup, DateTimeOffset? LastFailureAt, RestoreDrillRun? LastDrill, TimeSpan BackupMaxAge, TimeSpan DrillMaxAge);

public sealed record BackupSummary(string Name, DateTimeOffset CreatedAt, long Size);
