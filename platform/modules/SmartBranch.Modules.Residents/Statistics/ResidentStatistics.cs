using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.Statistics;

internal sealed class ResidentStatistics(SmartBranchDbContext db) : IResidentStatistics
{
    public async Task<ResidentCounts> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<Resident>().AsNoTracking()
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return new ResidentCounts(
            counts.Where(c => c.Status == ResidentStatus.Friend).Sum(c => c.Count),
            counts.Where(c => c.Status == ResidentStatus.Blocked).Sum(c => c.Count));
    }
}
