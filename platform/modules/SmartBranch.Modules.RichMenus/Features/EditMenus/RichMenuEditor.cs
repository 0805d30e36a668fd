using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.ValidateMenus;
using SmartBranch.Modules.RichMenus.Images;

namespace SmartBranch.Modules.RichMenus.Features.EditMenus;

internal sealed class RichMenuEditor(
    SmartBranchDbContext db, ICurrentStaff staff, ICurrentTenant tenant, IMediaStore media, IAuditLog audit, TimeProvider clock,
    RichMenuLineValidator validator) : IRichMenuEditor
{
    public async Task<IReadOnlyList<RichMenuSummary>> ListAsync(CancellationToken cancellationToken)
    {
        Require(RichMenuPermissions.View);
        var menus = await db.Set<RichMenu>().AsNoTracking().ToListAsync(cancellationToken);
        return menus
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new RichMenuSummary(m.Id, m.Name, m.ChatBarText, m.Role, m.TabAliasId, m.Width, m.Height, m.Areas.Count, m.UpdatedAt))
            .ToList();
    }

    public async Task<RichMenuDetails?> GetAsync(Guid menuId, CancellationToken cancellationToken)
    {
        Require(RichMenuPermissions.View);
        var menu = await db.Set<RichMenu>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == menuId, cancellationToken);
        return menu is null ? null : new RichMenuDetails(menu.Id, menu.ToDraft(), menu.Width, menu.Height, menu.ConcurrencyStamp, menu.UpdatedAt);
    }

    public RichMenuImageInspection InspectImage(ReadOnlySpan<byte> file) => RichMenuImages.Inspect(file);

    public byte[] FitImage(ReadOnlySpan<byte> file) => RichMenuImages.Fit(file);

    public async Task<Guid> CreateAsync(RichMenuDraft draft, ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        var staffId = Require(RichMenuPermissions.Edit);
        var (width, height, jpeg) = PrepareImage(image.Span);
        var menu = RichMenu.Create(draft, width, height, MediaFileName.Original(MediaFileName.NewId()), staffId, clock.GetUtcNow());
        await EnsureRoleIsFreeAsync(menu.Id, draft, cancellationToken);

        var context = tenant.Required;
        await media.SaveAsync(new MediaKey(context.TenantSlug, context.EnvironmentName, menu.ImageFileName), jpeg, cancellationToken);
        db.Add(menu);
        await SaveAndAuditAsync(new AuditRecord("richmenus.menu.created", "richmenu", menu.Id.ToString(), $"リッチメニュー「{menu.Name}」を作成"), cancellationToken);
        return menu.Id;
    }

    public async Task UpdateAsync(Guid menuId, RichMenuDraft draft, Guid concurrencyStamp, CancellationToken cancellationToken)
    {
        var staffId = Require(RichMenuPermissions.Edit);
        var menu = await db.Set<RichMenu>().SingleOrDefaultAsync(m => m.Id == menuId, cancellationToken)
            ?? throw new RichMenuRuleException("リッチメニューが見つかりません。削除されたか、別の自治体・環境のメニューです。");
        if (menu.ConcurrencyStamp != concurrencyStamp)
        {
            throw ChangedMeanwhile(null);
        }

        await EnsureRoleIsFreeAsync(menu.Id, draft, cancellationToken);
        menu.Apply(draft, staffId, clock.GetUtcNow());
        await SaveAndAuditAsync(new AuditRecord("richmenus.menu.changed", "richmenu", menu.Id.ToString(), $"リッチメニュー「{menu.Name}」を変更"), cancellationToken);
    }

    public Task<IReadOnlyList<RichMenuProblem>> ValidateWithLineAsync(RichMenuDraft draft, int width, int height, CancellationToken cancellationToken)
    {
        Require(RichMenuPermissions.Edit);
        return validator.ValidateAsync(draft, width, height, cancellationToken);
    }

    public async Task<Stream?> OpenImageAsync(Guid menuId, CancellationToken cancellationToken)
    {
        Require(RichMenuPermissions.View);
        var fileName = await db.Set<RichMenu>().Where(m => m.Id == menuId).Select(m => m.ImageFileName).SingleOrDefaultAsync(cancellationToken);
        if (fileName is null)
        {
            return null;
        }

        var context = tenant.Required;
        return await media.OpenReadAsync(new MediaKey(context.TenantSlug, context.EnvironmentName, fileName), cancellationToken);
    }

    private static (int Width, int Height, byte[] Jpeg) PrepareImage(ReadOnlySpan<byte> image)
    {
        try
        {
            var inspection = RichMenuImages.Inspect(image);
            return (inspection.Width, inspection.Height, RichMenuImages.Reencode(image));
        }
        catch (RichMenuImageException e)
        {
            throw new RichMenuRuleException([new RichMenuProblem("image", e.Message)]);
        }
    }

    /// <summary>An environment has one default menu and one disaster menu, and one tab per alias.</summary>
    private async Task EnsureRoleIsFreeAsync(Guid menuId, RichMenuDraft draft, CancellationToken cancellationToken)
    {
        var others = db.Set<RichMenu>().AsNoTracking().Where(m => m.Id != menuId);
        var aliasTaken = draft.TabAliasId is not null && draft.Role is RichMenuRole.Tab or RichMenuRole.Default
            && await others.AnyAsync(m => m.TabAliasId == draft.TabAliasId, cancellationToken);
        var taken = aliasTaken ? new RichMenuProblem("tabAliasId", $"タブの識別名「{draft.TabAliasId}」はほかのタブが使っています。") : draft.Role switch
        {
            RichMenuRole.Default => await others.AnyAsync(m => m.Role == RichMenuRole.Default, cancellationToken)
                ? new RichMenuProblem("role", "標準のメニューはすでにあります。標準は 1 つだけです。") : null,
            RichMenuRole.Disaster => await others.AnyAsync(m => m.Role == RichMenuRole.Disaster, cancellationToken)
                ? new RichMenuProblem("role", "防災メニューはすでにあります。防災メニューは 1 つだけです。") : null,
            _ => null,
        };
        if (taken is not null)
        {
            throw new RichMenuRuleException([taken]);
        }
    }

    private async Task SaveAndAuditAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw ChangedMeanwhile(e);
        }

        await audit.RecordAsync(record, cancellationToken);
    }

    private static RichMenuRuleException ChangedMeanwhile(Exception? cause)
    {
        const string message = "このリッチメニューは同時に変更されました。画面を読み込み直してから、もう一度操作してください。";
        return cause is null ? new(message) : new(message, cause);
    }

    private string Require(string permission)
    {
        if (staff.UserId is not { } userId || !staff.HasPermission(permission))
        {
            throw new RichMenuForbiddenException($"この操作には権限「{permission}」が必要です。");
        }

        return userId;
    }
}
