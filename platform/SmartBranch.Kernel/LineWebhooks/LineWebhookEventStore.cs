using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Webhooks;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>
/// Stores webhook events once each, keyed on <c>webhookEventId</c> (LINE redelivers with the same id).
/// Requests that arrive together are written in one commit (group commit): each is answered only
/// after its events are durable, yet a burst costs one disk flush rather than one per request,
/// which keeps LINE's answers fast under load.
/// </summary>
internal sealed class LineWebhookEventStore(ITenantScopeFactory tenantScopes, LineWebhookSignal signal, TimeProvider clock) : BackgroundService
{
    private const int MaxRequestsPerCommit = 500;
    private readonly Channel<StoreRequest> _requests = Channel.CreateUnbounded<StoreRequest>(new UnboundedChannelOptions { SingleReader = true });

    /// <returns>How many of the events were new.</returns>
    public async Task<int> StoreAsync(TenantContext tenant, IReadOnlyList<LineWebhookEventEnvelope> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0; // LINE's connection check from the Developers console.
        }

        var request = new StoreRequest(tenant, events, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _requests.Writer.WriteAsync(request, cancellationToken);
        return await request.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _requests.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<StoreRequest>();
                while (batch.Count < MaxRequestsPerCommit && reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                foreach (var environment in batch.GroupBy(r => r.Tenant))
                {
                    await CommitAsync(environment.Key, environment.ToList(), stoppingToken);
                }

                signal.Notify();
            }
        }
        finally
        {
            // Requests left at shutdown fail, so LINE gets an error and redelivers them.
            _requests.Writer.TryComplete();
            while (reader.TryRead(out var request))
            {
                request.Stored.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task CommitAsync(TenantContext tenant, List<StoreRequest> requests, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = tenantScopes.CreateScope(tenant.TenantSlug, tenant.EnvironmentName);
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var fresh = await NewRecordsAsync(db, requests, cancellationToken);
            db.LineWebhookEvents.AddRange(fresh.SelectMany(f => f.Records));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process stored some of the same events first: keep the rest, one by one.
                db.ChangeTracker.Clear();
                fresh = await StoreOneByOneAsync(db, fresh, cancellationToken);
            }

            foreach (var (request, records) in fresh)
            {
                request.Stored.TrySetResult(records.Count);
            }
        }
        catch (Exception e)
        {
            requests.ForEach(r => r.Stored.TrySetException(e));
        }
    }

    private async Task<List<(StoreRequest Request, List<LineWebhookEventRecord> Records)>> NewRecordsAsync(
        SmartBranchDbContext db, List<StoreRequest> requests, CancellationToken cancellationToken)
    {
        var ids = requests.SelectMany(r => r.Events).Select(e => e.WebhookEventId).Distinct().ToList();
        var seen = (await db.LineWebhookEvents
            .Where(e => ids.Contains(e.WebhookEventId))
            .Select(e => e.WebhookEventId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var now = clock.GetUtcNow();
        return requests
            .Select(request => (request, request.Events
                .Where(e => seen.Add(e.WebhookEventId))
                .Select(e => new LineWebhookEventRecord
                {
                    WebhookEventId = e.WebhookEventId,
                    EventType = e.Type,
                    SourceKey = e.SourceKey,
                    OccurredAt = e.Timestamp,
                    ReceivedAt = now,
                    Payload = e.RawJson,
                    NextAttemptAt = now,
                })
                .ToList()))
            .ToList();
    }

    private static async Task<List<(StoreRequest Request, List<LineWebhookEventRecord> Records)>> StoreOneByOneAsync(
        SmartBranchDbContext db, List<(StoreRequest Request, List<LineWebhookEventRecord> Records)> fresh, CancellationToken cancellationToken)
    {
        var stored = new List<(StoreRequest, List<LineWebhookEventRecord>)>();
        foreach (var (request, records) in fresh)
        {
            var kept = new List<LineWebhookEventRecord>();
            foreach (var record in records)
            {
                if (await db.LineWebhookEvents.AnyAsync(e => e.WebhookEventId == record.WebhookEventId, cancellationToken))
                {
                    continue;
                }

                db.LineWebhookEvents.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                kept.Add(record);
            }

            stored.Add((request, kept));
        }

        return stored;
    }

    private sealed record StoreRequest(TenantContext Tenant, IReadOnlyList<LineWebhookEventEnvelope> Events, TaskCompletionSource<int> Stored);
}
