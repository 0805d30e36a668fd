using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Health;

/// <summary>
/// Gauges of work waiting across all tenants (meter <c>SmartBranch</c>): outbox messages and LINE
/// webhook events, pending and failed. Counted every 15 s by worker processes, so a scrape never
/// queries the database; a backlog that only grows means a stuck dispatcher or processor.
/// </summary>
internal sealed partial class BacklogMetrics : BackgroundService
{
    public const string MeterName = "SmartBranch";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger<BacklogMetrics> _logger;
    private Backlog _last = new(0, 0, 0, 0);

    public BacklogMetrics(IServiceScopeFactory scopeFactory, TimeProvider clock, IMeterFactory meters, ILogger<BacklogMetrics> logger)
    {
        _scopeFactory = scopeFactory;
        _clock = clock;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("smartbranch.outbox.messages", () => new[]
        {
            new Measurement<int>(_last.OutboxPending, new KeyValuePair<string, object?>("state", "pending")),
            new Measurement<int>(_last.OutboxFailed, new KeyValuePair<string, object?>("state", "failed")),
        }, "{message}", "Outbox messages not yet published, by state.");
        meter.CreateObservableGauge("smartbranch.line.webhook.events", () => new[]
        {
            new Measurement<int>(_last.WebhookPending, new KeyValuePair<string, object?>("state", "pending")),
            new Measurement<int>(_last.WebhookFailed, new KeyValuePair<string, object?>("state", "failed")),
        }, "{event}", "LINE webhook events stored but not processed, by state.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _clock);
        do
        {
            try
            {
                _last = await CountAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCountFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<Backlog> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var outbox = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State != OutboxMessageState.Published)
            .GroupBy(m => m.State)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var webhooks = await db.LineWebhookEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.State != LineWebhookEventState.Processed)
            .GroupBy(e => e.State)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new Backlog(
            outbox.GetValueOrDefault(OutboxMessageState.Pending),
            outbox.GetValueOrDefault(OutboxMessageState.Failed),
            webhooks.GetValueOrDefault(LineWebhookEventState.Pending),
            webhooks.GetValueOrDefault(LineWebhookEventState.Failed));
    }

    private sealed record Backlog(int OutboxPending, int OutboxFailed, int WebhookPending, int WebhookFailed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the outbox and webhook backlog for metrics failed; the gauges keep their last values.")]
    private partial void LogCountFailed(Exception exception);
}
