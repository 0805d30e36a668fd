using MassTransit;
using SmartBranch.Modules.Broadcast.Contracts;

namespace SmartBranch.Modules.Broadcast.IntegrationEvents.Handlers;

/// <summary>Prepares the draft delivery another module asked for (disaster mode's emergency delivery); nothing is sent.</summary>
internal sealed class BroadcastDraftRequestedHandler(RequestedDrafts drafts) : IConsumer<BroadcastDraftRequestedIntegrationEvent>
{
    public Task Consume(ConsumeContext<BroadcastDraftRequestedIntegrationEvent> context)
    {
        var request = context.Message;
        return drafts.CreateAsync(
            "broadcast.draft-requested", request.EventId, request.RequestedBy, request.Title, request.Text, request.DeliveryId, request.Reason,
            context.CancellationToken);
    }
}
