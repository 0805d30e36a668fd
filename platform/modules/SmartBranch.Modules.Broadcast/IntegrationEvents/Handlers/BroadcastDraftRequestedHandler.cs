using MassTransit;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.IntegrationEvents.Handlers;

/// <summary>Prepares the draft delivery another module asked for (disaster mode's emergency delivery); nothing is sent.</summary>
internal sealed class BroadcastDraftRequestedHandler(IInbox inbox, SmartBranchDbContext db, IAuditLog audit, TimeProvider clock)
    : IConsumer<BroadcastDraftRequestedIntegrationEvent>
{
    private const string ConsumerName = "broadcast.draft-requested";

    public async Task Consume(ConsumeContext<BroadcastDraftRequestedIntegrationEvent> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await inbox.HasProcessedAsync(ConsumerName, request.EventId, cancellationToken)
            || await db.Set<BroadcastDelivery>().AnyAsync(d => d.Id == request.DeliveryId, cancellationToken))
        {
            return;
        }

        var draft = new BroadcastDraft(request.Title, [new BroadcastText(request.Text)], null, null, new SendNow());
        var delivery = BroadcastDelivery.Draft(request.RequestedBy, draft, clock.GetUtcNow(), request.DeliveryId);
        db.Add(delivery);
        inbox.MarkProcessed(ConsumerName, request.EventId);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("broadcast.draft.created", "broadcast", delivery.Id.ToString(), $"{request.Reason}「{delivery.Title}」"), cancellationToken);
    }
}
