using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Maintenance;

/// <summary>The windows a tenant environment's residents and staff are told about now; read on every resident and portal request.</summary>
public interface IMaintenanceCalendar
{
    /// <summary>Windows covering the tenant environment that are current or whose notice period has begun, soonest first.</summary>
    Task<IReadOnlyList<MaintenanceWindow>> AnnouncedAsync(string tenantSlug, string? environmentName, CancellationToken cancellationToken);

    /// <summary>The window stopping <paramref name="stops"/> of the tenant environment now, if any (the one ending last).</summary>
    Task<MaintenanceWindow?> StoppingNowAsync(string tenantSlug, string environmentName, MaintenanceStops stops, CancellationToken cancellationToken);
}

/// <summary>
/// Reads in a database context of its own: the portal's banner renders beside the page's own components, whose
/// queries on the request's context would otherwise run at the same time as this one.
/// </summary>
internal sealed class MaintenanceCalendar(IServiceScopeFactory scopes, TimeProvider clock) : IMaintenanceCalendar
{
    public async Task<IReadOnlyList<MaintenanceWindow>> AnnouncedAsync(string tenantSlug, string? environmentName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await LiveAsync(tenantSlug, now, cancellationToken))
            .Where(w => w.IsAnnouncedAt(now) && w.Covers(tenantSlug, environmentName))
            .OrderBy(w => w.StartsAt)];
    }

    public async Task<MaintenanceWindow?> StoppingNowAsync(string tenantSlug, string environmentName, MaintenanceStops stops, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await LiveAsync(tenantSlug, now, cancellationToken))
            .Where(w => w.IsCurrentAt(now) && w.Stops.HasFlag(stops) && w.Covers(tenantSlug, environmentName))
            .MaxBy(w => w.EndsAt);
    }

    // Few rows: windows not cancelled and not ended, of this tenant or every tenant.
    private async Task<List<MaintenanceWindow>> LiveAsync(string tenantSlug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Set<MaintenanceWindow>().AsNoTracking()
            .Where(w => w.CancelledAt == null && w.EndsAt > now && (w.TenantSlug == null || w.TenantSlug == tenantSlug))
            .ToListAsync(cancellationToken);
    }
}
