using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>
/// Processes stored webhook events: in timestamp order per source (a resident's "follow" before their
/// first message), sources in parallel, each event exactly once. An event is claimed with a
/// conditional update so that several workers share the table safely, and is marked processed in
/// the same commit as its handlers' changes.
/// </summary>
internal sealed partial class LineWebhookProcessor(
    IServiceScopeFactory scopeFactory,
    ITenantScopeFactory tenantScopes,
    LineWebhookSignal signal,
    TimeProvider clock,
    ILogger<LineWebhookProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 200;
    private const int ParallelSources = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(e);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <returns>How many events were processed.</returns>
    internal async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        List<DueEvent> due;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            // The processor serves every tenant, so it reads past the tenant filter on purpose;
            // each event is then handled inside its own tenant's scope.
            due = await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().LineWebhookEvents
                .IgnoreQueryFilters()
                .Where(e => e.State == LineWebhookEventState.Pending && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Take(BatchSize)
                .Select(e => new DueEvent(e.Id, e.TenantSlug, e.EnvironmentName, e.SourceKey, e.OccurredAt))
                .ToListAsync(cancellationToken);
        }

        var processed = 0;
        await Parallel.ForEachAsync(
            due.GroupBy(e => (e.TenantSlug, e.EnvironmentName, e.SourceKey)),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSources, CancellationToken = cancellationToken },
            async (source, ct) =>
            {
                foreach (var dueEvent in source)
                {
                    if (!await TryProcessAsync(dueEvent, ct))
                    {
                        break; // Keep this source's order: later events wait for this one.
                    }

                    Interlocked.Increment(ref processed);
                }
            });
        return processed;
    }

    private async Task<bool> TryProcessAsync(DueEvent dueEvent, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(dueEvent.TenantSlug, dueEvent.EnvironmentName);
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        if (!await ClaimAsync(db, dueEvent, cancellationToken))
        {
            return false;
        }

        var record = await db.LineWebhookEvents.SingleAsync(e => e.Id == dueEvent.Id, cancellationToken);
        try
        {
            await scope.ServiceProvider.GetRequiredService<LineWebhookEventDispatcher>().DispatchAsync(record.Payload, cancellationToken);
            record.State = LineWebhookEventState.Processed;
            record.ProcessedAt = clock.GetUtcNow();
            record.Attempts++;
            record.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEventFailed(dueEvent.TenantSlug, dueEvent.EnvironmentName, record.EventType, record.WebhookEventId, e);
            await RecordFailureAsync(dueEvent, e, cancellationToken);
            return false;
        }
    }

    private async Task<bool> ClaimAsync(SmartBranchDbContext db, DueEvent dueEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var earlierPending = await db.LineWebhookEvents.AnyAsync(
            e => e.SourceKey == dueEvent.SourceKey
                 && e.State == LineWebhookEventState.Pending
                 && e.OccurredAt < dueEvent.OccurredAt,
            cancellationToken);
        if (earlierPending)
        {
            return false;
        }

        var lockedUntil = now + ClaimDuration;
        var claimed = await db.LineWebhookEvents
            .Where(e => e.Id == dueEvent.Id && e.State == LineWebhookEventState.Pending && (e.LockedUntil == null || e.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, lockedUntil), cancellationToken);
        return claimed == 1;
    }

    private async Task RecordFailureAsync(DueEvent dueEvent, Exception error, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(dueEvent.TenantSlug, dueEvent.EnvironmentName);
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var record = await db.LineWebhookEvents.SingleAsync(e => e.Id == dueEvent.Id, cancellationToken);
        record.Attempts++;
        record.LastError = ErrorSummary.Of(error);
        record.NextAttemptAt = clock.GetUtcNow() + Outbox.OutboxDispatcher.Backoff(record.Attempts);
        record.LockedUntil = null;
        if (record.Attempts >= MaxAttempts)
        {
            record.State = LineWebhookEventState.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record DueEvent(Guid Id, string TenantSlug, string EnvironmentName, string SourceKey, DateTimeOffset OccurredAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {EventType} event {WebhookEventId} of {Tenant}/{Environment} failed.")]
    private partial void LogEventFailed(string tenant, string environment, string eventType, string webhookEventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook processing loop failed; it will retry.")]
    private partial void LogLoopFailed(Exception exception);
}
