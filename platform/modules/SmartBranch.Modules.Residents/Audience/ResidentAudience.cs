using System.Buffers.Text;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.Modules.Residents.Audience;

/// <summary>
/// Friends of the current tenant environment who match a segment, in pages or one at a time. Pages follow the LINE user id (unique per
/// environment and indexed with the status), so each page is one index range scan however far into the audience it is,
/// and a resident who follows or blocks between pages neither shifts nor repeats the others.
/// </summary>
internal sealed class ResidentAudience(SmartBranchDbContext db, ISegmentCatalogSource catalogs, ICurrentTenant currentTenant) : IResidentAudience, IResidentMembership
{
    public async Task<int> CountAsync(SegmentExpression? segment, CancellationToken cancellationToken)
    {
        if (segment is null)
        {
            return await (await FriendsAsync(null, cancellationToken)).CountAsync(cancellationToken);
        }

        // Whoever registered attribute values is a resident of this environment, a friend or blocked: the segment's
        // ids less the few blocked ones are its friends, counted without reading every friend to find them.
        var blocked = db.Set<Resident>().Where(r => r.Status == ResidentStatus.Blocked).Select(r => r.Id);
        var catalog = await catalogs.ForAsync(currentTenant.Required, cancellationToken);
        return await SegmentResidents.Ids(segment, db.Set<ResidentAttributeValue>(), catalog)
            .Where(id => !blocked.Contains(id))
            .CountAsync(cancellationToken);
    }

    public async Task<AudiencePage> PageAsync(SegmentExpression? segment, string? continuation, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, IResidentAudience.MaxPageSize);
        var query = await FriendsAsync(segment, cancellationToken);
        if (continuation is not null)
        {
            var after = AudienceContinuation.Decode(continuation);
            query = query.Where(r => r.LineUserId.CompareTo(after) > 0);
        }

        var members = await query
            .OrderBy(r => r.LineUserId)
            .Take(size)
            .Select(r => new AudienceMember(r.Id, r.LineUserId))
            .ToListAsync(cancellationToken);
        return new AudiencePage(members, members.Count < size ? null : AudienceContinuation.Encode(members[^1].LineUserId));
    }

    public async Task<string?> FriendLineUserIdAsync(Guid residentId, CancellationToken cancellationToken) =>
        await (await FriendsAsync(null, cancellationToken)).Where(r => r.Id == residentId).Select(r => r.LineUserId).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> IsInSegmentAsync(SegmentExpression segment, string lineUserId, CancellationToken cancellationToken) =>
        await (await FriendsAsync(segment, cancellationToken)).AnyAsync(r => r.LineUserId == lineUserId, cancellationToken);

    private async Task<IQueryable<Resident>> FriendsAsync(SegmentExpression? segment, CancellationToken cancellationToken)
    {
        var friends = db.Set<Resident>().AsNoTracking().Where(r => r.Status == ResidentStatus.Friend);
        if (segment is null)
        {
            return friends;
        }

        var ids = SegmentResidents.Ids(segment, db.Set<ResidentAttributeValue>(), await catalogs.ForAsync(currentTenant.Required, cancellationToken));
        return friends.Where(r => ids.Contains(r.Id));
    }
}

/// <summary>The opaque continuation of an audience: where the last page ended.</summary>
internal static class AudienceContinuation
{
    public static string Encode(string lineUserId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lineUserId));

    /// <exception cref="ArgumentException">Not a continuation this audience returned.</exception>
    public static string Decode(string continuation)
    {
        try
        {
            var lineUserId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuation));
            if (lineUserId.Length is > 0 and <= 33 && lineUserId.All(char.IsAsciiLetterOrDigit))
            {
                return lineUserId;
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("Not a continuation of this audience.", nameof(continuation));
    }
}
