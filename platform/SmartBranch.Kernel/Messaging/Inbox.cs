using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Messaging;

/// <summary>Consumer-side deduplication: check before handling, mark in the same SaveChanges as the effects.</summary>
public interface IInbox
{
    Task<bool> HasProcessedAsync(string consumer, Guid eventId, CancellationToken cancellationToken);

    void MarkProcessed(string consumer, Guid eventId);
}

internal sealed class Inbox(SmartBranchDbContext db, TimeProvider clock) : IInbox
{
    public Task<bool> HasProcessedAsync(string consumer, Guid eventId, CancellationToken cancellationToken) =>
        db.InboxMessages.AnyAsync(m => m.Consumer == consumer && m.EventId == eventId, cancellationToken);

    public void MarkProcessed(string consumer, Guid eventId) =>
        db.InboxMessages.Add(new InboxMessage { Consumer = consumer, EventId = eventId, ProcessedAt = clock.GetUtcNow() });
}
