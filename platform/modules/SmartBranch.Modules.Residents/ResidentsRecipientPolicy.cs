using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents;

/// <summary>Nothing is sent to a resident who blocked the account.</summary>
internal sealed class ResidentsRecipientPolicy(SmartBranchDbContext db) : ILineRecipientPolicy
{
    public async Task<IReadOnlySet<string>> RefusedAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        (await db.Set<Resident>().AsNoTracking()
            .Where(r => userIds.Contains(r.LineUserId) && r.Status == ResidentStatus.Blocked)
            .Select(r => r.LineUserId)
            .ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);
}
