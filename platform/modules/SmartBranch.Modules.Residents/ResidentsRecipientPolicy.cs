using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents;

/// <summary>Nothing is sent to a resident who blocked the account.</summary>
internal sealed class ResidentsRecipientPolicy(SmartBranchDbContext db) : ILineRecipientPolicy
{
    public async Task<bool> MayReceiveAsync(string userId, CancellationToken cancellationToken) =>
        !await db.Set<Resident>().AnyAsync(r => r.LineUserId == userId && r.Status == ResidentStatus.Blocked, cancellationToken);
}
