using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Webhooks;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>Stores a delivery's events once each, keyed on <c>webhookEventId</c> (LINE redelivers with the same id).</summary>
internal sealed class LineWebhookEventStore(SmartBranchDbContext db, LineWebhookSignal signal, TimeProvider clock)
{
    /// <returns>How many events were new.</returns>
    public async Task<int> StoreAsync(IReadOnlyList<LineWebhookEventEnvelope> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0; // LINE's connection check from the Developers console.
        }

        var ids = events.Select(e => e.WebhookEventId).Distinct().ToList();
        var known = await db.LineWebhookEvents
            .Where(e => ids.Contains(e.WebhookEventId))
            .Select(e => e.WebhookEventId)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var fresh = events
            .DistinctBy(e => e.WebhookEventId)
            .Where(e => !known.Contains(e.WebhookEventId))
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
            .ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        db.LineWebhookEvents.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A redelivery raced this request and stored some of the same events first: keep the
            // rest, one by one, skipping those that now exist.
            db.ChangeTracker.Clear();
            fresh = await StoreOneByOneAsync(fresh, cancellationToken);
        }

        signal.Notify();
        return fresh.Count;
    }

    private async Task<List<LineWebhookEventRecord>> StoreOneByOneAsync(List<LineWebhookEventRecord> records, CancellationToken cancellationToken)
    {
        var stored = new List<LineWebhookEventRecord>();
        foreach (var record in records)
        {
            if (await db.LineWebhookEvents.AnyAsync(e => e.WebhookEventId == record.WebhookEventId, cancellationToken))
            {
                continue;
            }

            db.LineWebhookEvents.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            stored.Add(record);
        }

        return stored;
    }
}
