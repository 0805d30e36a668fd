namespace SmartBranch.Modules.Broadcast.Features.TestSend;

/// <summary>
/// Staff members' own LINE accounts that receive test sends in the current tenant environment. A staff
/// member asks for a code, sends it from their phone to the city's LINE account, and that account is linked.
/// </summary>
public interface IBroadcastTestAccounts
{
    /// <summary>A new ten-minute code for the signed-in staff member; an earlier unused one stops working.</summary>
    /// <exception cref="Domain.BroadcastForbiddenException">The staff member may not compose deliveries.</exception>
    Task<BroadcastTestAccountCodeIssued> IssueCodeAsync(CancellationToken cancellationToken);

    /// <summary>Every test account of the environment (all of them receive a test send), the signed-in staff member's marked.</summary>
    Task<IReadOnlyList<BroadcastTestAccountEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes one of the staff member's own test accounts (an admin may remove anyone's, e.g. after someone left).</summary>
    /// <exception cref="Domain.BroadcastRuleException">Not found, or another staff member's.</exception>
    Task RemoveAsync(Guid testAccountId, CancellationToken cancellationToken);
}

public sealed record BroadcastTestAccountCodeIssued(string Code, DateTimeOffset ExpiresAt);

/// <param name="LineDisplayName">The LINE profile's name when it was linked; never the LINE user id.</param>
public sealed record BroadcastTestAccountEntry(
    Guid Id, string? LineDisplayName, string StaffUserId, string StaffDisplayName, DateTimeOffset RegisteredAt, bool IsOwn);
