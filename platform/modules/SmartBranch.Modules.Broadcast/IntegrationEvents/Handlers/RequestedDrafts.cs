using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.IntegrationEvents.Handlers;

/// <summary>
/// A text-only draft delivery to all friends that another part of the product asked for: made once per event, never
/// sent (staff edit it if they wish and submit it for approval as any other delivery), its creation audited.
/// </summary>
internal sealed class RequestedDrafts(IInbox inbox, SmartBranchDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <param name="deliveryId">The id the requester chose, so it can link to the draft before it exists; null for a new one.</param>
    /// <param name="auditSummary">What the audit log says was made, before the draft's title.</param>
    public async Task CreateAsync(
        string consumerName, Guid eventId, string requestedBy, string title, string text, Guid? deliveryId, string auditSummary, CancellationToken cancellationToken)
    {
        if (await inbox.HasProcessedAsync(consumerName, eventId, cancellationToken)
            || (deliveryId is { } id && await db.Set<BroadcastDelivery>().AnyAsync(d => d.Id == id, cancellationToken)))
        {
            return;
        }

        var draft = new BroadcastDraft(title, [new BroadcastText(text)], null, null, new SendNow());
        var delivery = BroadcastDelivery.Draft(requestedBy, draft, clock.GetUtcNow(), deliveryId);
        db.Add(delivery);
        inbox.MarkProcessed(consumerName, eventId);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord("broadcast.draft.created", "broadcast", delivery.Id.ToString(), $"{auditSummary}「{delivery.Title}」"), cancellationToken);
    }
}
