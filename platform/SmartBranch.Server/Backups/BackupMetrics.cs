using System.Diagnostics.Metrics;
using SmartBranch.Kernel.Backups;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Gauges of backups and restore drills (meter <c>SmartBranch.Backups</c>) on worker processes, which make them:
/// read from the store and the drill records every minute, so a scrape never lists a bucket; ages are taken
/// at the scrape, so they keep growing while nothing new happens. No backup or drill yet: no measurement.
/// </summary>
internal sealed partial class BackupMetrics : BackgroundService
{
    public const string MeterName = "SmartBranch.Backups";

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly IBackupOverview _overview;
    private readonly TimeProvider _clock;
    private readonly ILogger<BackupMetrics> _logger;
    private BackupState? _last;

    public BackupMetrics(IBackupOverview overview, TimeProvider clock, IMeterFactory meters, ILogger<BackupMetrics> logger)
    {
        _overview = overview;
        _clock = clock;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("smartbranch.backup.age", () => Seconds(_last?.LastBackup?.CreatedAt), "s", "Time since the newest complete backup was made.");
        meter.CreateObservableGauge("smartbranch.backup.last_success", () => Flag(_last is null ? null : _last.LastFailureAt is null && _last.LastBackup is not null),
            unit: null, "1 when the latest backup attempt succeeded, 0 when it failed or there is no backup.");
        meter.CreateObservableGauge("smartbranch.restore_drill.age", () => Seconds(_last?.LastDrill?.StartedAt), "s", "Time since the latest restore drill began.");
        meter.CreateObservableGauge("smartbranch.restore_drill.last_success", () => Flag(_last?.LastDrill?.Succeeded),
            unit: null, "1 when the latest restore drill proved the backup, 0 when it failed.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _clock);
        do
        {
            try
            {
                _last = await _overview.GetAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReadFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<double>> Seconds(DateTimeOffset? since) =>
        since is { } at ? [new Measurement<double>((_clock.GetUtcNow() - at).TotalSeconds)] : [];

    private static IEnumerable<Measurement<int>> Flag(bool? value) =>
        value is { } flag ? [new Measurement<int>(flag ? 1 : 0)] : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the backups and restore drills for metrics failed; the gauges keep their last values.")]
    private partial void LogReadFailed(Exception exception);
}
