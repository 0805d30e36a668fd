using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Client;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>
/// Puts the latest version of one menu of the current tenant environment on its channel. LINE cannot change a menu,
/// so each version is a new LINE menu: created, its alias and the default pointed at it, then the old one deleted.
/// </summary>
internal sealed class RichMenuRelease(SmartBranchDbContext db, RichMenuLine line, TimeProvider clock)
{
    /// <exception cref="RichMenuPublishException">LINE refuses the menu, cannot be reached, or the hour's creations are used up.</exception>
    public async Task ReleaseAsync(RichMenu menu, string publishedBy, CancellationToken cancellationToken)
    {
        var publication = await db.Set<RichMenuPublication>().SingleOrDefaultAsync(p => p.MenuId == menu.Id, cancellationToken);
        var previous = publication?.LineRichMenuId;
        var lineMenuId = await line.CreateAsync(menu, cancellationToken);
        try
        {
            await PointAtAsync(menu, lineMenuId, cancellationToken);
            if (publication is null)
            {
                publication = new RichMenuPublication(menu.Id);
                db.Add(publication);
            }

            publication.Record(lineMenuId, menu.ConcurrencyStamp, publishedBy, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is LineApiException or DbUpdateException)
        {
            await WithdrawAsync(menu, lineMenuId, cancellationToken);
            throw e is DbUpdateConcurrencyException
                ? new RichMenuPublishException("このメニューは同時にほかの人が公開しました。画面を読み込み直して、公開の状態を確かめてください。", e)
                : new RichMenuPublishException("LINE とのやり取りに失敗したため、公開できませんでした。しばらくしてから、もう一度お試しください。", e);
        }

        if (previous is not null)
        {
            await line.Client.DeleteRichMenuAsync(previous, CancellationToken.None);
        }
    }

    /// <summary>Whether the channel's default shows a menu of this role now: the default menu, or the disaster menu in disaster mode.</summary>
    public async Task<bool> ShowsAsDefaultAsync(RichMenuRole role, CancellationToken cancellationToken)
    {
        if (role is not (RichMenuRole.Default or RichMenuRole.Disaster))
        {
            return false;
        }

        var disasterModeOn = await db.Set<DisasterModeState>().AsNoTracking().AnyAsync(s => s.IsOn, cancellationToken);
        return disasterModeOn == (role == RichMenuRole.Disaster);
    }

    private async Task PointAtAsync(RichMenu menu, string lineMenuId, CancellationToken cancellationToken)
    {
        if (menu.TabAliasId is { } alias)
        {
            await line.PointAliasAsync(alias, lineMenuId, cancellationToken);
        }

        if (await ShowsAsDefaultAsync(menu.Role, cancellationToken))
        {
            await line.Client.SetDefaultRichMenuAsync(lineMenuId, cancellationToken);
        }
    }

    /// <summary>Takes back a new version that could not be recorded, pointing the alias and the default at the recorded one again.</summary>
    private async Task WithdrawAsync(RichMenu menu, string lineMenuId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var recorded = await db.Set<RichMenuPublication>().AsNoTracking()
            .Where(p => p.MenuId == menu.Id).Select(p => p.LineRichMenuId).SingleOrDefaultAsync(cancellationToken);
        try
        {
            if (recorded is not null)
            {
                await PointAtAsync(menu, recorded, cancellationToken);
            }

            await line.Client.DeleteRichMenuAsync(lineMenuId, CancellationToken.None);
        }
        catch (LineApiException)
        {
            // LINE is unreachable: the unrecorded menu stays until the next promotion deletes what no record names.
        }
    }
}
