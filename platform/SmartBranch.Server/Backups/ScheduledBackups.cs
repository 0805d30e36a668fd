using SmartBranch.Kernel;

namespace SmartBranch.Server.Backups;

/// <summary>
/// The daily backup at <see cref="BackupOptions.DailyAt"/> Japan time on worker processes, and one at
/// start when the newest is more than a day old (the server was down at the hour). Workers take
/// turns through the database's lock; one that gets the turn after another has just made the
/// backup finds it and skips.
/// </summary>
internal sealed partial class ScheduledBackups(
    BackupService backups, Microsoft.Extensions.Options.IOptions<BackupOptions> options, TimeProvider clock, ILogger<ScheduledBackups> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RunUnlessNewerThanAsync(TimeSpan.FromDays(1), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNextRun(), clock, stoppingToken);
            await RunUnlessNewerThanAsync(TimeSpan.FromHours(1), stoppingToken);
        }
    }

    private async Task RunUnlessNewerThanAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        try
        {
            await using var turn = await backups.TryTakeTurnAsync(cancellationToken);
            if (turn is not null && (await backups.Store.NewestAsync(cancellationToken) is not { } newest || clock.GetUtcNow() - newest.CreatedAt > age))
            {
                await backups.CreateAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBackupFailed(e);
        }
    }

    private TimeSpan UntilNextRun()
    {
        var now = JapanTime.From(clock.GetUtcNow());
        var next = new DateTimeOffset(now.Date + options.Value.DailyAt, now.Offset);
        return (next > now ? next : next.AddDays(1)) - now;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled backup failed; it will be tried again at the next run.")]
    private partial void LogBackupFailed(Exception exception);
}
