using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Health;

/// <summary>Read-only counts of a tenant's background work, for the operators' console; no resident data.</summary>
public interface ITenantHealthQuery
{
    Task<IReadOnlyList<EnvironmentHealth>> GetAsync(string tenantSlug, CancellationToken cancellationToken);
}

public sealed record EnvironmentHealth(
    string EnvironmentName,
    int WebhookEventsPending,
    int WebhookEventsFailed,
    DateTimeOffset? LastWebhookReceivedAt,
    int OutboxPending,
    int OutboxFailed);

internal sealed class TenantHealthQuery(SmartBranchDbContext db) : ITenantHealthQuery
{
    public async Task<IReadOnlyList<EnvironmentHealth>> GetAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        // Operators stand outside every tenant, so the tenant filter is lifted and the slug filters instead.
        var webhookEvents = db.LineWebhookEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.TenantSlug == tenantSlug);
        var webhookCounts = await webhookEvents
            .Where(e => e.State != LineWebhookEventState.Processed)
            .GroupBy(e => new { e.EnvironmentName, e.State })
            .Select(g => new { g.Key.EnvironmentName, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var outboxCounts = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.TenantSlug == tenantSlug && m.State != OutboxMessageState.Published)
            .GroupBy(m => new { m.EnvironmentName, m.State })
            .Select(g => new { g.Key.EnvironmentName, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var environments = webhookCounts.Select(c => c.EnvironmentName)
            .Concat(outboxCounts.Select(c => c.EnvironmentName ?? ""))
            .Concat(await webhookEvents.Select(e => e.EnvironmentName).Distinct().ToListAsync(cancellationToken))
            .Distinct()
            .Order(StringComparer.Ordinal);

        var result = new List<EnvironmentHealth>();
        foreach (var environment in environments)
        {
            var lastReceivedAt = await webhookEvents
                .Where(e => e.EnvironmentName == environment)
                .OrderByDescending(e => e.ReceivedAt)
                .Select(e => (DateTimeOffset?)e.ReceivedAt)
                .FirstOrDefaultAsync(cancellationToken);
            result.Add(new EnvironmentHealth(
                environment,
                webhookCounts.Where(c => c.EnvironmentName == environment && c.State == LineWebhookEventState.Pending).Sum(c => c.Count),
                webhookCounts.Where(c => c.EnvironmentName == environment && c.State == LineWebhookEventState.Failed).Sum(c => c.Count),
                lastReceivedAt,
                outboxCounts.Where(c => (c.EnvironmentName ?? "") == environment && c.State == OutboxMessageState.Pending).Sum(c => c.Count),
                outboxCounts.Where(c => (c.EnvironmentName ?? "") == environment && c.State == OutboxMessageState.Failed).Sum(c => c.Count)));
        }

        return result;
    }
}
