using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>
/// Processes stored webhook events: in timestamp order per source (a resident's "follow" before their
/// first message), sources in parallel, each event exactly once. A batch is claimed with one
/// conditional update so that several workers share the table safely, and each event is marked
/// processed in the same commit as its handlers' changes.
/// </summary>
internal sealed partial class LineWebhookProcessor(
    IServiceScopeFactory scopeFactory,
    ITenantScopeFactory tenantScopes,
    LineWebhookSignal signal,
    TimeProvider clock,
    ILogger<LineWebhookProcessor> logger) : PollingWorker(signal, logger)
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 200;
    private const int ParallelSources = 8;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    /// <returns>How many events were processed.</returns>
    protected internal override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var claimed = await ClaimAsync(claim, cancellationToken);
        var processed = 0;
        await Parallel.ForEachAsync(
            claimed.GroupBy(e => (e.TenantSlug, e.EnvironmentName, e.SourceKey)),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSources, CancellationToken = cancellationToken },
            async (source, ct) =>
            {
                var events = source.ToList();
                var done = await IsNextInLineAsync(events[0], claim, ct) ? await ProcessInOrderAsync(events, ct) : 0;
                Interlocked.Add(ref processed, done);
                if (done < events.Count)
                {
                    // Keep this source's order: its later events wait for the one that did not go through.
                    await ReleaseAsync(events.Skip(done), claim, ct);
                }
            });
        return processed;
    }

    private async Task<List<ClaimedEvent>> ClaimAsync(Guid claim, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var now = clock.GetUtcNow();
        // The processor serves every tenant, so it reads past the tenant filter on purpose; each
        // event is then handled inside its own tenant's scope.
        var due = await db.LineWebhookEvents.IgnoreQueryFilters()
            .Where(e => e.State == LineWebhookEventState.Pending && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
            .OrderBy(e => e.OccurredAt)
            .Take(BatchSize)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var lockedUntil = now + ClaimDuration;
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await db.LineWebhookEvents.IgnoreQueryFilters()
                .Where(e => due.Contains(e.Id) && e.State == LineWebhookEventState.Pending && (e.LockedUntil == null || e.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, lockedUntil).SetProperty(e => e.ClaimToken, claim), cancellationToken);
        }

        return await db.LineWebhookEvents.IgnoreQueryFilters()
            .Where(e => e.ClaimToken == claim)
            .OrderBy(e => e.OccurredAt)
            .Select(e => new ClaimedEvent(e.Id, e.TenantSlug, e.EnvironmentName, e.SourceKey, e.OccurredAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>False while an earlier event of the same source waits for a retry or sits in another worker's claim.</summary>
    private async Task<bool> IsNextInLineAsync(ClaimedEvent first, Guid claim, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(first.TenantSlug, first.EnvironmentName);
        return !await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().LineWebhookEvents.AnyAsync(
            e => e.SourceKey == first.SourceKey
                 && e.State == LineWebhookEventState.Pending
                 && e.OccurredAt < first.OccurredAt
                 && (e.ClaimToken == null || e.ClaimToken != claim),
            cancellationToken);
    }

    /// <returns>How many of the events, from the first, were processed.</returns>
    private async Task<int> ProcessInOrderAsync(List<ClaimedEvent> events, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var claimed in events)
        {
            if (!await TryProcessAsync(claimed, cancellationToken))
            {
                break;
            }

            done++;
        }

        return done;
    }

    private async Task<bool> TryProcessAsync(ClaimedEvent claimed, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(claimed.TenantSlug, claimed.EnvironmentName);
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var record = await db.LineWebhookEvents.SingleAsync(e => e.Id == claimed.Id, cancellationToken);
        try
        {
            await scope.ServiceProvider.GetRequiredService<LineWebhookEventDispatcher>().DispatchAsync(record.Payload, cancellationToken);
            record.State = LineWebhookEventState.Processed;
            record.ProcessedAt = clock.GetUtcNow();
            record.Attempts++;
            record.LockedUntil = null;
            record.ClaimToken = null;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEventFailed(claimed.TenantSlug, claimed.EnvironmentName, record.EventType, record.WebhookEventId, e);
            await RecordFailureAsync(claimed, e, cancellationToken);
            return false;
        }
    }

    private async Task RecordFailureAsync(ClaimedEvent claimed, Exception error, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(claimed.TenantSlug, claimed.EnvironmentName);
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var record = await db.LineWebhookEvents.SingleAsync(e => e.Id == claimed.Id, cancellationToken);
        record.Attempts++;
        record.LastError = ErrorSummary.Of(error);
        record.NextAttemptAt = clock.GetUtcNow() + RetryBackoff.After(record.Attempts);
        record.LockedUntil = null;
        record.ClaimToken = null;
        if (record.Attempts >= MaxAttempts)
        {
            record.State = LineWebhookEventState.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ReleaseAsync(IEnumerable<ClaimedEvent> events, Guid claim, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).ToList();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await db.LineWebhookEvents.IgnoreQueryFilters()
                .Where(e => ids.Contains(e.Id) && e.ClaimToken == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, (DateTimeOffset?)null).SetProperty(e => e.ClaimToken, (Guid?)null), cancellationToken);
        }
    }

    private sealed record ClaimedEvent(Guid Id, string TenantSlug, string EnvironmentName, string SourceKey, DateTimeOffset OccurredAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {EventType} event {WebhookEventId} of {Tenant}/{Environment} failed.")]
    private partial void LogEventFailed(string tenant, string environment, string eventType, string webhookEventId, Exception exception);

}
