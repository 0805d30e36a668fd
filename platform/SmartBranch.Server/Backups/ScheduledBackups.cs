namespace SmartBranch.Server.Backups;

/// <summary>
/// The daily backup at <see cref="BackupOptions.DailyAt"/> Japan time, and one when a worker starts and the newest
/// is more than a day old (the server was down at the hour). A scheduled job: one worker at a time runs it, and
/// one that runs it just after another (a catch-up at start near the hour) finds the fresh backup and skips.
/// </summary>
internal sealed class ScheduledBackups(BackupService backups, TimeProvider clock)
{
    public const string JobName = "backup";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await HasBackupWithinAsync(TimeSpan.FromHours(1), cancellationToken))
        {
            await backups.CreateAsync(cancellationToken);
        }
    }

    public async Task<bool> IsOverdueAsync(CancellationToken cancellationToken) => !await HasBackupWithinAsync(TimeSpan.FromDays(1), cancellationToken);

    private async Task<bool> HasBackupWithinAsync(TimeSpan age, CancellationToken cancellationToken) =>
        await backups.Store.NewestAsync(cancellationToken) is { } newest && clock.GetUtcNow() - newest.CreatedAt <= age;
}
