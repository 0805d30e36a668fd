using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Modules.RichMenus.Features.Publish;

internal sealed class RichMenuPublisher(
    SmartBranchDbContext db,
    ICurrentStaff staff,
    ICurrentTenant tenant,
    RichMenuRelease release,
    RichMenuLine line,
    RichMenuCreationLimit limit,
    ITenantScopeFactory scopes,
    IAuditLog audit) : IRichMenuPublisher
{
    public async Task<RichMenuPublishing> GetAsync(CancellationToken cancellationToken)
    {
        staff.Require(RichMenuPermissions.View);
        var menus = await db.Set<RichMenu>().AsNoTracking().ToListAsync(cancellationToken);
        var publications = await db.Set<RichMenuPublication>().AsNoTracking().ToDictionaryAsync(p => p.MenuId, cancellationToken);
        var states = menus
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => publications.GetValueOrDefault(m.Id) is { } p
                ? new RichMenuPublishState(m.Id, m.Name, m.Role, m.TabAliasId,
                    p.PublishedVersion == m.ConcurrencyStamp ? RichMenuPublishStatus.Published : RichMenuPublishStatus.ChangedSincePublished, p.PublishedAt)
                : new RichMenuPublishState(m.Id, m.Name, m.Role, m.TabAliasId, RichMenuPublishStatus.NotPublished, null))
            .ToList();
        var remaining = await limit.RemainingAsync(line.ChannelId, cancellationToken);
        return new RichMenuPublishing(states, remaining, tenant.Required.EnvironmentName == TenantEnvironmentNames.Staging);
    }

    public async Task PublishAsync(Guid menuId, CancellationToken cancellationToken)
    {
        var staffId = staff.Require(RichMenuPermissions.Publish);
        if (tenant.Required.Environment.IsProduction)
        {
            throw new RichMenuPublishException("本番環境のリッチメニューは直接公開できません。ステージングで公開して確かめてから、「本番へ反映」してください。");
        }

        var menu = await db.Set<RichMenu>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == menuId, cancellationToken)
            ?? throw new RichMenuPublishException("リッチメニューが見つかりません。削除されたか、別の自治体・環境のメニューです。");
        await release.ReleaseAsync(menu, staffId, cancellationToken);
        await audit.RecordAsync(new AuditRecord("richmenus.menu.published", "richmenu", menu.Id.ToString(), $"リッチメニュー「{menu.Name}」を LINE に公開"), cancellationToken);
    }

    public async Task<RichMenuPromotionResult> PromoteAsync(CancellationToken cancellationToken)
    {
        var staffId = staff.Require(RichMenuPermissions.Publish);
        var context = tenant.Required;
        if (context.EnvironmentName != TenantEnvironmentNames.Staging)
        {
            throw new RichMenuPublishException("本番へ反映できるのはステージング環境からだけです。");
        }

        var staging = await db.Set<RichMenu>().AsNoTracking().ToListAsync(cancellationToken);
        RichMenuPromotionResult result;
        await using (var production = scopes.CreateScope(context.TenantSlug, TenantEnvironmentNames.Production))
        {
            result = await production.ServiceProvider.GetRequiredService<RichMenuPromotion>().ReceiveAsync(context, staging, staffId, cancellationToken);
        }

        await audit.RecordAsync(
            new AuditRecord("richmenus.promoted", "richmenus", TenantEnvironmentNames.Production,
                $"リッチメニューをステージングから本番環境へ反映（公開 {result.Published.Count} 件、削除 {result.Removed.Count} 件）"),
            cancellationToken);
        return result;
    }
}
