using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Jobs;

/// <summary>
/// Claims sends in progress whose lease is free (new ones, or ones a crashed worker held) and runs them to the
/// end. Sends of different tenant environments run side by side: LINE's rate limits are per channel.
/// </summary>
internal sealed class BroadcastSender(
    IServiceScopeFactory scopeFactory,
    BroadcastRunExecutor executor,
    BroadcastSenderSignal signal,
    IOptions<BroadcastOptions> options,
    TimeProvider clock,
    ILogger<BroadcastSender> logger) : LeasedRunWorker(signal, logger)
{
    protected override Task ExecuteAsync(ClaimedRun run, Guid claim, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(run.Id, run.TenantSlug, run.EnvironmentName, claim, cancellationToken);

    protected override async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(Guid claim, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var now = clock.GetUtcNow();
        // Every tenant's sends, past the tenant filter; each is executed inside its own tenant's scope.
        var free = await db.Set<BroadcastRun>().IgnoreQueryFilters()
            .Where(r => r.State == BroadcastRunState.Sending && (r.LockedUntil == null || r.LockedUntil < now))
            .OrderBy(r => r.CreatedAt)
            .Take(RunsAtOnce)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        if (free.Count == 0)
        {
            return [];
        }

        var lockedUntil = now + options.Value.LeaseDuration;
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await db.Set<BroadcastRun>().IgnoreQueryFilters()
                .Where(r => free.Contains(r.Id) && r.State == BroadcastRunState.Sending && (r.LockedUntil == null || r.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, claim).SetProperty(r => r.LockedUntil, lockedUntil), cancellationToken);
        }

        return await db.Set<BroadcastRun>().IgnoreQueryFilters()
            .Where(r => r.ClaimToken == claim)
            .Select(r => new ClaimedRun(r.Id, r.TenantSlug, r.EnvironmentName))
            .ToListAsync(cancellationToken);
    }
}
