using Microsoft.Extensions.Options;
using SmartBranch.Kernel;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Wakes daily at <see cref="RestoreDrillOptions.At"/> Japan time on worker processes and runs the drill when
/// the latest is <see cref="RestoreDrillOptions.Interval"/> old (an hour's slack, so a weekly drill keeps its
/// weekday). Workers take turns through the database's lock; the one that gets the turn after another has
/// drilled finds the new run and skips.
/// </summary>
internal sealed partial class ScheduledRestoreDrills(
    RestoreDrill drill, IOptions<BackupOptions> options, TimeProvider clock, ILogger<ScheduledRestoreDrills> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNextRun(), clock, stoppingToken);
            try
            {
                await using var turn = await drill.TryTakeTurnAsync(stoppingToken);
                if (turn is not null && await IsDueAsync(stoppingToken))
                {
                    await drill.RunAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDrillFailed(e);
            }
        }
    }

    private RestoreDrillOptions Options => options.Value.Drill;

    private async Task<bool> IsDueAsync(CancellationToken cancellationToken) =>
        await drill.LatestAsync(cancellationToken) is not { } latest
        || clock.GetUtcNow() - latest.StartedAt > Options.Interval - TimeSpan.FromHours(1);

    private TimeSpan UntilNextRun()
    {
        var now = JapanTime.From(clock.GetUtcNow());
        var next = new DateTimeOffset(now.Date + Options.At, now.Offset);
        return (next > now ? next : next.AddDays(1)) - now;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled restore drill could not run or be recorded; it is tried again tomorrow.")]
    private partial void LogDrillFailed(Exception exception);
}
