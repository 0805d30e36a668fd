namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>Whether a LINE user is a friend of the current tenant environment's account (followed it and has not blocked it).</summary>
public interface IResidentFriends
{
    Task<bool> IsFriendAsync(string lineUserId, CancellationToken cancellationToken);
}
