using SmartBranch.Kernel.Incidents;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// This process's request outcomes per minute, in memory until <see cref="RequestOutcomeWriter"/> writes
/// them. Counting costs a dictionary increment under a short lock, never a database write on the request's path.
/// </summary>
internal sealed class RequestOutcomeCounter(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Dictionary<OutcomeKey, int> _counts = [];

    public void Count(RequestOutcome outcome, string? tenantSlug = null, string? environmentName = null)
    {
        var now = clock.GetUtcNow();
        var key = new OutcomeKey(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero), outcome, tenantSlug, environmentName);
        lock (_gate)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Everything counted so far, and a fresh start.</summary>
    public IReadOnlyList<RequestOutcomeCount> Drain()
    {
        Dictionary<OutcomeKey, int> drained;
        lock (_gate)
        {
            drained = _counts;
            _counts = [];
        }

        return drained.Select(c => new RequestOutcomeCount
        {
            Id = Guid.CreateVersion7(),
            Minute = c.Key.Minute,
            Outcome = c.Key.Outcome,
            TenantSlug = c.Key.TenantSlug,
            EnvironmentName = c.Key.EnvironmentName,
            Count = c.Value,
        }).ToList();
    }

    private sealed record OutcomeKey(DateTimeOffset Minute, RequestOutcome Outcome, string? TenantSlug, string? EnvironmentName);
}
