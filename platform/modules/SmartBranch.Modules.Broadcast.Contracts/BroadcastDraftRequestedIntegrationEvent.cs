using SmartBranch.Kernel.Messaging;

namespace SmartBranch.Modules.Broadcast.Contracts;

/// <summary>
/// Another module asked for a draft delivery of one text message to all friends of the event's tenant environment
/// (disaster mode's emergency delivery). Nothing is sent: staff edit the draft and send it as any other delivery.
/// </summary>
/// <param name="DeliveryId">The draft's id, chosen by the requester so that it can link to the draft at once.</param>
/// <param name="RequestedBy">The draft's author: a staff member's id, or who else asked (<c>api:</c> and a client id).</param>
/// <param name="Reason">Why the draft was made, in Japanese, for the audit log.</param>
public sealed record BroadcastDraftRequestedIntegrationEvent(Guid DeliveryId, string Title, string Text, string RequestedBy, string Reason)
    : IntegrationEvent;
