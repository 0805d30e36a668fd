namespace SmartBranch.Modules.Broadcast.Features.TestSend;

/// <summary>Sends a delivery's messages, exactly as residents will see them, to the environment's staff test accounts.</summary>
public interface IBroadcastTestSends
{
    /// <returns>How many test accounts the messages were sent to.</returns>
    /// <exception cref="Domain.BroadcastForbiddenException">The staff member may not compose deliveries.</exception>
    /// <exception cref="Domain.BroadcastRuleException">No such delivery, its messages are invalid, or no test account is registered.</exception>
    Task<int> SendAsync(Guid deliveryId, CancellationToken cancellationToken);
}
