using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Modules.RichMenus.Features.LinkResidents;

/// <summary>
/// A resident who follows (a new friend, or one who unblocks) or saves preferences gets the menu staff linked to them,
/// or else the menu of the newest segment assignment they match; one who no longer matches any assigned segment is
/// unlinked. Linking is idempotent on LINE, so an event delivered twice does no harm. Nothing is linked while disaster
/// mode is on: its end links everyone's menus again.
/// </summary>
internal sealed class RichMenuOfJoiningResident(SmartBranchDbContext db, IResidentMembership membership, RichMenuLine line)
    : IConsumer<ResidentFollowedIntegrationEvent>, IConsumer<ResidentPreferencesChangedIntegrationEvent>
{
    public Task Consume(ConsumeContext<ResidentFollowedIntegrationEvent> context) =>
        ApplyAsync(context.Message.LineUserId, unlinkWithoutSegment: false, context.CancellationToken);

    public Task Consume(ConsumeContext<ResidentPreferencesChangedIntegrationEvent> context) =>
        ApplyAsync(context.Message.LineUserId, unlinkWithoutSegment: true, context.CancellationToken);

    private async Task ApplyAsync(string lineUserId, bool unlinkWithoutSegment, CancellationToken cancellationToken)
    {
        var assignments = await db.Set<RichMenuSegmentAssignment>().AsNoTracking().OrderByDescending(a => a.AssignedAt).ToListAsync(cancellationToken);
        var ownMenu = await db.Set<RichMenuResidentLink>().AsNoTracking()
            .Where(l => l.LineUserId == lineUserId).Select(l => (Guid?)l.MenuId).SingleOrDefaultAsync(cancellationToken);
        if ((assignments.Count == 0 && ownMenu is null) || await db.Set<DisasterModeState>().AnyAsync(s => s.IsOn, cancellationToken))
        {
            return;
        }

        var menuId = ownMenu ?? await MatchingMenuAsync(assignments, lineUserId, cancellationToken);
        if (menuId is { } id)
        {
            try
            {
                await line.Client.LinkRichMenuToUserAsync(lineUserId, await RichMenuLinkRunExecutor.PublishedLineIdAsync(db, id, cancellationToken), cancellationToken);
            }
            catch (RichMenuNotPublishedException)
            {
                // The menu left LINE; the resident sees the default menu.
            }
        }
        else if (unlinkWithoutSegment)
        {
            await line.Client.UnlinkRichMenuFromUserAsync(lineUserId, cancellationToken);
        }
    }

    private async Task<Guid?> MatchingMenuAsync(List<RichMenuSegmentAssignment> newestFirst, string lineUserId, CancellationToken cancellationToken)
    {
        foreach (var assignment in newestFirst)
        {
            if (await membership.IsInSegmentAsync(JsonSerializer.Deserialize<SegmentExpression>(assignment.SegmentJson)!, lineUserId, cancellationToken))
            {
                return assignment.MenuId;
            }
        }

        return null;
    }
}
