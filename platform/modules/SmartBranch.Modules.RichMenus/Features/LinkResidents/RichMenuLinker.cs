using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

/// <summary>Wakes the linker when a link run is asked for.</summary>
public sealed class RichMenuLinkSignal : WorkSignal;

/// <summary>
/// Claims the oldest running link run of each tenant environment whose lease is free (a new one, or one a crashed
/// worker held) and whose backoff is over, and runs it to its end. Environments run side by side (LINE's limits are
/// per channel); within one, a run starts only when every earlier one has finished.
/// </summary>
internal sealed class RichMenuLinker(
    IServiceScopeFactory scopeFactory,
    RichMenuLinkRunExecutor executor,
    RichMenuLinkSignal signal,
    TimeProvider clock,
    ILogger<RichMenuLinker> logger) : LeasedRunWorker(signal, logger)
{
    protected override Task ExecuteAsync(ClaimedRun run, Guid claim, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(run.Id, run.TenantSlug, run.EnvironmentName, claim, cancellationToken);

    protected override async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(Guid claim, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var now = clock.GetUtcNow();
        // Every tenant's runs, past the tenant filter; each is executed inside its own tenant's scope.
        var runs = db.Set<RichMenuLinkRun>().IgnoreQueryFilters();
        var due = runs.Where(r => r.State == RichMenuLinkRunState.Running
            && (r.LockedUntil == null || r.LockedUntil < now)
            && r.NextAttemptAt <= now
            && !runs.Any(earlier => earlier.State == RichMenuLinkRunState.Running
                && earlier.TenantSlug == r.TenantSlug && earlier.EnvironmentName == r.EnvironmentName
                && earlier.CreatedAt < r.CreatedAt));
        var free = await due.OrderBy(r => r.CreatedAt).Take(RunsAtOnce).Select(r => r.Id).ToListAsync(cancellationToken);
        if (free.Count == 0)
        {
            return [];
        }

        var lockedUntil = now + RichMenuLinkRunExecutor.LeaseDuration;
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await runs
                .Where(r => free.Contains(r.Id) && r.State == RichMenuLinkRunState.Running && (r.LockedUntil == null || r.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, claim).SetProperty(r => r.LockedUntil, lockedUntil), cancellationToken);
        }

        return await runs
            .Where(r => r.ClaimToken == claim)
            .Select(r => new ClaimedRun(r.Id, r.TenantSlug, r.EnvironmentName))
            .ToListAsync(cancellationToken);
    }
}
