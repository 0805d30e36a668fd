using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.Directory;

internal sealed class ResidentFriends(SmartBranchDbContext db) : IResidentFriends
{
    public Task<bool> IsFriendAsync(string lineUserId, CancellationToken cancellationToken) =>
        db.Set<Resident>().AnyAsync(r => r.LineUserId == lineUserId && r.Status == ResidentStatus.Friend, cancellationToken);
}
