using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Webhooks;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.Webhook;

/// <summary>An unfollow (block): the resident is kept, marked blocked, and excluded from every later send.</summary>
internal sealed class ResidentsUnfollowHandler(SmartBranchDbContext db, IOutbox outbox) : ILineWebhookEventHandler<UnfollowEvent>
{
    public async Task HandleAsync(UnfollowEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (webhookEvent.Source.UserId is not { } userId)
        {
            return;
        }

        var resident = await db.Set<Resident>().SingleOrDefaultAsync(r => r.LineUserId == userId, cancellationToken);
        if (resident is null)
        {
            // Followed before SmartBranch was connected: remember the block all the same.
            resident = Resident.Follow(userId, webhookEvent.Timestamp);
            db.Add(resident);
        }

        resident.Block(webhookEvent.Timestamp);
        outbox.Add(new ResidentBlockedIntegrationEvent(resident.Id, userId));
    }
}
