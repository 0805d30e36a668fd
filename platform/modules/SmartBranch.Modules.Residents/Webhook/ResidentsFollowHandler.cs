using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.Webhooks;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Welcome;

namespace SmartBranch.Modules.Residents.Webhook;

/// <summary>A follow (new friend, or unblock): record the resident, take their profile, welcome them.</summary>
internal sealed class ResidentsFollowHandler(
    SmartBranchDbContext db,
    ICurrentTenant currentTenant,
    ILineMessagingClient line,
    ILineMessenger messenger,
    WelcomeMessages welcomeMessages,
    IOutbox outbox,
    TimeProvider clock) : ILineWebhookEventHandler<FollowEvent>
{
    public async Task HandleAsync(FollowEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (webhookEvent.Source.UserId is not { } userId)
        {
            return; // A follow always comes from a user; anything else is not a resident.
        }

        var now = clock.GetUtcNow();
        var resident = await db.Set<Resident>().SingleOrDefaultAsync(r => r.LineUserId == userId, cancellationToken);
        var isRefollow = resident is not null;
        if (resident is null)
        {
            resident = Resident.Follow(userId, webhookEvent.Timestamp);
            db.Add(resident);
        }
        else
        {
            resident.Refollow(webhookEvent.Timestamp);
        }

        // Read before anything commits: no transaction is open while LINE answers.
        var profile = await line.GetProfileAsync(userId, cancellationToken);
        if (profile is not null)
        {
            resident.UpdateProfile(profile.DisplayName, profile.Language, now);
        }

        if (webhookEvent.ReplyToken is { } replyToken)
        {
            messenger.Reply(userId, replyToken, webhookEvent.Timestamp, welcomeMessages.For(currentTenant.Required));
        }

        outbox.Add(new ResidentFollowedIntegrationEvent(resident.Id, userId, isRefollow));
    }
}
