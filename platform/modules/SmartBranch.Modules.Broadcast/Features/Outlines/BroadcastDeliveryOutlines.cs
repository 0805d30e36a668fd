using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Features.Outlines;

internal sealed class BroadcastDeliveryOutlines(SmartBranchDbContext db) : IBroadcastDeliveryOutlines
{
    public async Task<IReadOnlyList<BroadcastDeliveryOutline>> FindAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken)
    {
        var deliveries = await db.Set<BroadcastDelivery>().AsNoTracking()
            .Where(d => deliveryIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.State, d.SegmentJson })
            .ToListAsync(cancellationToken);
        var sent = await db.Set<BroadcastRun>().AsNoTracking()
            .Where(r => deliveryIds.Contains(r.DeliveryId))
            .GroupBy(r => r.DeliveryId)
            .Select(g => new { DeliveryId = g.Key, Sent = g.Sum(r => r.SentCount) })
            .ToDictionaryAsync(s => s.DeliveryId, s => s.Sent, cancellationToken);
        return deliveries
            .Select(d => new BroadcastDeliveryOutline(d.Id, d.Title, StateNames.Japanese(d.State), sent.GetValueOrDefault(d.Id), d.SegmentJson))
            .ToList();
    }
}
