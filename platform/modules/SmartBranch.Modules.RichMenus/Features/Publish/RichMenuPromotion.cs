using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.RichMenus;
using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>
/// The production side of a promotion, run in a production scope: production's menus become copies of staging's
/// (images copied, since a menu's image is its own), each new version is created on the production channel, and
/// production's menus staging no longer has are deleted from our records and from LINE.
/// </summary>
internal sealed class RichMenuPromotion(SmartBranchDbContext db, ICurrentTenant tenant, RichMenuRelease release, RichMenuLine line, RichMenuCreationLimit limit, IMediaStore media, TimeProvider clock)
{
    public async Task<RichMenuPromotionResult> ReceiveAsync(TenantContext staging, IReadOnlyList<RichMenu> stagingMenus, string staffId, CancellationToken cancellationToken)
    {
        var menus = await db.Set<RichMenu>().ToListAsync(cancellationToken);
        var links = await db.Set<RichMenuPromotionLink>().ToDictionaryAsync(l => l.ProductionMenuId, cancellationToken);
        var publications = await db.Set<RichMenuPublication>().AsNoTracking().ToDictionaryAsync(p => p.MenuId, cancellationToken);
        var stagingIds = stagingMenus.Select(m => m.Id).ToHashSet();

        var removed = menus.Where(m => !links.TryGetValue(m.Id, out var link) || !stagingIds.Contains(link.StagingMenuId)).ToList();
        var kept = menus.Except(removed).ToDictionary(m => links[m.Id].StagingMenuId);
        var toCreate = stagingMenus.Count(s => !kept.TryGetValue(s.Id, out var copy) || !SameContent(copy, s)
            || publications.GetValueOrDefault(copy.Id)?.PublishedVersion != copy.ConcurrencyStamp);
        var remaining = await limit.RemainingAsync(line.ChannelId, cancellationToken);
        if (toCreate > remaining)
        {
            throw new RichMenuPublishException(
                $"本番環境に作るメニューが {toCreate} 個ありますが、LINE ではいま {remaining} 個しか作れません（1 時間に {LineRichMenuLimits.MaxCreationsPerHour} 個まで）。しばらくしてから、もう一度お試しください。");
        }

        // Removed first: their tab aliases pass to the copies that take their place.
        db.RemoveRange(removed);
        await db.SaveChangesAsync(cancellationToken);

        var published = new List<string>();
        foreach (var source in stagingMenus.OrderBy(m => m.Role == RichMenuRole.Default ? 1 : 0))
        {
            var copy = kept.GetValueOrDefault(source.Id) ?? await CopyAsync(staging, source, staffId, cancellationToken);
            if (!SameContent(copy, source))
            {
                copy.Apply(source.ToDraft(), staffId, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }

            if (publications.GetValueOrDefault(copy.Id)?.PublishedVersion != copy.ConcurrencyStamp)
            {
                await release.ReleaseAsync(copy, staffId, cancellationToken);
                published.Add(copy.Name);
            }
        }

        await DeleteUnrecordedAsync(cancellationToken);
        return new RichMenuPromotionResult(published, removed.Select(m => m.Name).ToList());
    }

    private async Task<RichMenu> CopyAsync(TenantContext staging, RichMenu source, string staffId, CancellationToken cancellationToken)
    {
        var production = tenant.Required;
        var copy = RichMenu.Create(source.ToDraft(), source.Width, source.Height, MediaFileName.Original(MediaFileName.NewId()), staffId, clock.GetUtcNow());
        await using (var image = await media.OpenReadAsync(new MediaKey(staging.TenantSlug, staging.EnvironmentName, source.ImageFileName), cancellationToken)
            ?? throw new RichMenuPublishException($"リッチメニュー「{source.Name}」の画像が見つかりません。"))
        {
            using var bytes = new MemoryStream();
            await image.CopyToAsync(bytes, cancellationToken);
            await media.SaveAsync(new MediaKey(production.TenantSlug, production.EnvironmentName, copy.ImageFileName), bytes.ToArray(), cancellationToken);
        }

        db.AddRange(copy, new RichMenuPromotionLink(copy.Id, source.Id));
        await db.SaveChangesAsync(cancellationToken);
        return copy;
    }

    /// <summary>Deletes the channel's menus no publication names: the replaced versions of removed menus, and any left by a failure.</summary>
    private async Task DeleteUnrecordedAsync(CancellationToken cancellationToken)
    {
        var recorded = (await db.Set<RichMenuPublication>().AsNoTracking().Select(p => p.LineRichMenuId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var menu in (await line.Client.ListRichMenusAsync(cancellationToken)).Where(m => !recorded.Contains(m.RichMenuId)))
        {
            await line.Client.DeleteRichMenuAsync(menu.RichMenuId, cancellationToken);
        }
    }

    private static bool SameContent(RichMenu copy, RichMenu source) =>
        copy.Name == source.Name && copy.ChatBarText == source.ChatBarText && copy.Role == source.Role && copy.TabAliasId == source.TabAliasId
        && copy.OpenedAtFirst == source.OpenedAtFirst && copy.AreasJson == source.AreasJson;
}
