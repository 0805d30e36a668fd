using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Features.Statistics;

internal sealed class BroadcastStatistics(SmartBranchDbContext db, TimeProvider clock) : IBroadcastStatistics
{
    public async Task<BroadcastDayCounts> CountTodayAsync(CancellationToken cancellationToken)
    {
        var today = JapanTime.Today(clock);
        var start = JapanTime.StartOf(today);
        var end = JapanTime.StartOf(today.AddDays(1));
        var started = await db.Set<BroadcastRun>().AsNoTracking()
            .CountAsync(r => r.OccurrenceAt >= start && r.OccurrenceAt < end, cancellationToken);
        var scheduled = await db.Set<BroadcastDelivery>().AsNoTracking()
            .CountAsync(d => d.State == BroadcastDeliveryState.Scheduled && d.NextRunAt >= start && d.NextRunAt < end, cancellationToken);
        return new BroadcastDayCounts(started, scheduled);
    }
}
