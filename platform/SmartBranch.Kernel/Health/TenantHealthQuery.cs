using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;

namespace SmartBranch.Kernel.Health;

/// <summary>Read-only counts of a tenant's background work and LINE use, for the operators' console; no resident data.</summary>
public interface ITenantHealthQuery
{
    Task<IReadOnlyList<EnvironmentHealth>> GetAsync(string tenantSlug, CancellationToken cancellationToken);

    /// <summary>This month's message quota of each of the tenant's environments, asked of LINE now; never throws for LINE's answer.</summary>
    Task<IReadOnlyList<EnvironmentMessageQuota>> GetMessageQuotasAsync(string tenantSlug, CancellationToken cancellationToken);
}

public sealed record EnvironmentHealth(
    string EnvironmentName,
    int WebhookEventsPending,
    int WebhookEventsFailed,
    DateTimeOffset? LastWebhookReceivedAt,
    int OutboxPending,
    int OutboxFailed,
    IReadOnlyList<LineApiFailureCount> LineApiFailures);

/// <summary>Calls to LINE that failed with <paramref name="StatusCode"/> (0: LINE could not be reached), by period.</summary>
public sealed record LineApiFailureCount(int StatusCode, int Last24Hours, int Last7Days);

public enum MessageQuotaState
{
    /// <summary>Under 80 % of the limit, or no limit.</summary>
    Ok,

    /// <summary>80 % or more of the limit is used.</summary>
    Warning,

    /// <summary>The limit is reached: LINE refuses push and multicast until next month.</summary>
    Exhausted,

    /// <summary>LINE did not answer, or refused; <see cref="EnvironmentMessageQuota.FailureStatusCode"/> says how.</summary>
    Unavailable,

    /// <summary>The environment has no channel access token yet.</summary>
    NotConfigured,
}

/// <param name="Limit">This month's target limit; null when the channel has none.</param>
/// <param name="FailureStatusCode">LINE's status when <see cref="MessageQuotaState.Unavailable"/>; 0 when LINE could not be reached in time.</param>
public sealed record EnvironmentMessageQuota(string EnvironmentName, MessageQuotaState State, long? Limit, long? Used, int? FailureStatusCode)
{
    public const int WarningPercent = 80;

    /// <summary>Whole percent of the limit used, rounded down; null without a limit.</summary>
    public int? PercentUsed => Limit is > 0 && Used is { } used ? (int)Math.Min(100, used * 100 / Limit.Value) : null;

    public static EnvironmentMessageQuota From(string environmentName, LineMessageQuota quota)
    {
        var state = quota.Limit switch
        {
            null => MessageQuotaState.Ok,
            var limit when quota.Used >= limit => MessageQuotaState.Exhausted,
            var limit when quota.Used * 100 >= limit * WarningPercent => MessageQuotaState.Warning,
            _ => MessageQuotaState.Ok,
        };
        return new EnvironmentMessageQuota(environmentName, state, quota.Limit, quota.Used, null);
    }
}

internal sealed class TenantHealthQuery(
    SmartBranchDbContext db, ITenantCatalog catalog, TenantLineClients lineClients, TimeProvider clock) : ITenantHealthQuery
{
    /// <summary>The console waits no longer than this for LINE; a slower answer shows as unavailable.</summary>
    private static readonly TimeSpan QuotaTimeout = TimeSpan.FromSeconds(10);

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
        var lineFailures = await LineFailuresAsync(tenantSlug, cancellationToken);

        var environments = webhookCounts.Select(c => c.EnvironmentName)
            .Concat(outboxCounts.Select(c => c.EnvironmentName ?? ""))
            .Concat(lineFailures.Select(f => f.EnvironmentName))
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
                outboxCounts.Where(c => (c.EnvironmentName ?? "") == environment && c.State == OutboxMessageState.Failed).Sum(c => c.Count),
                lineFailures.Where(f => f.EnvironmentName == environment)
                    .Select(f => new LineApiFailureCount(f.StatusCode, f.Last24Hours, f.Last7Days))
                    .OrderBy(f => f.StatusCode)
                    .ToList()));
        }

        return result;
    }

    public async Task<IReadOnlyList<EnvironmentMessageQuota>> GetMessageQuotasAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        if (catalog.Find(tenantSlug) is not { } tenant)
        {
            return [];
        }

        return await Task.WhenAll(tenant.Environments.Select(environment => QuotaOfAsync(tenantSlug, environment, cancellationToken)));
    }

    private async Task<EnvironmentMessageQuota> QuotaOfAsync(string tenantSlug, TenantEnvironment environment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(environment.Line.ChannelAccessToken))
        {
            return new EnvironmentMessageQuota(environment.Name, MessageQuotaState.NotConfigured, null, null, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(QuotaTimeout);
        try
        {
            var quota = await lineClients.For(tenantSlug, environment).GetMessageQuotaAsync(timeout.Token);
            return EnvironmentMessageQuota.From(environment.Name, quota);
        }
        catch (LineApiException e)
        {
            return new EnvironmentMessageQuota(environment.Name, MessageQuotaState.Unavailable, null, null, (int)e.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EnvironmentMessageQuota(environment.Name, MessageQuotaState.Unavailable, null, null, 0);
        }
    }

    private async Task<List<LineFailureGroup>> LineFailuresAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var weekAgo = now - LineApiFailureLog.Retention;
        var dayAgo = now - TimeSpan.FromDays(1);
        return await db.LineApiFailures.AsNoTracking()
            .Where(f => f.TenantSlug == tenantSlug && f.OccurredAt >= weekAgo)
            .GroupBy(f => new { f.EnvironmentName, f.StatusCode })
            .Select(g => new LineFailureGroup(g.Key.EnvironmentName, g.Key.StatusCode, g.Count(f => f.OccurredAt >= dayAgo), g.Count()))
            .ToListAsync(cancellationToken);
    }

    private sealed record LineFailureGroup(string EnvironmentName, int StatusCode, int Last24Hours, int Last7Days);
}
