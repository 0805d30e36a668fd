namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>One friend of the current tenant environment, for modules that act on a single resident.</summary>
public interface IResidentMembership
{
    /// <summary>The resident's LINE user id while they are a friend; null when blocked or unknown.</summary>
    Task<string?> FriendLineUserIdAsync(Guid residentId, CancellationToken cancellationToken);

    /// <summary>Whether the friend with <paramref name="lineUserId"/> matches <paramref name="segment"/>.</summary>
    Task<bool> IsInSegmentAsync(SegmentExpression segment, string lineUserId, CancellationToken cancellationToken);
}
