using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Images;

namespace SmartBranch.Modules.RichMenus.Features.ImportFiles;

internal sealed class RichMenuFileImporter(
    SmartBranchDbContext db, ICurrentStaff staff, ICurrentTenant tenant, IMediaStore media, IAuditLog audit, TimeProvider clock) : IRichMenuFileImporter
{
    /// <summary>Who a menu made from the files was last changed by, until staff edit it.</summary>
    public const string FilesAuthor = "richmenus.yml";

    public async Task<RichMenuFileImportResult> ImportAsync(CancellationToken cancellationToken)
    {
        if (staff.UserId is null || !staff.HasPermission(RichMenuPermissions.Edit))
        {
            throw new RichMenuForbiddenException($"この操作には権限「{RichMenuPermissions.Edit}」が必要です。");
        }

        return await ImportFilesAsync(cancellationToken);
    }

    /// <summary>Also run, with no staff member, when the server starts.</summary>
    internal async Task<RichMenuFileImportResult> ImportFilesAsync(CancellationToken cancellationToken)
    {
        var context = tenant.Required;
        var entries = RichMenuFiles.Load(context.Tenant.DirectoryPath);
        var done = (await db.Set<RichMenuFileImport>().AsNoTracking().Select(i => i.FileMenuName).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var imported = new List<string>();
        var skipped = new List<string>();
        foreach (var entry in entries.Where(e => !done.Contains(e.Draft.Name)))
        {
            if (await ConflictAsync(entry.Draft, cancellationToken) is { } conflict)
            {
                skipped.Add($"「{entry.Draft.Name}」: {conflict}");
            }
            else if (await ImportAsync(context, entry, cancellationToken) is { } menu)
            {
                imported.Add(menu.Name);
                await audit.RecordAsync(
                    new AuditRecord("richmenus.menu.imported", "richmenu", menu.Id.ToString(), $"リッチメニュー「{menu.Name}」をファイルから取り込み"),
                    cancellationToken);
            }
        }

        return new RichMenuFileImportResult(imported, skipped);
    }

    private async Task<string?> ConflictAsync(RichMenuDraft draft, CancellationToken cancellationToken)
    {
        var menus = db.Set<RichMenu>().AsNoTracking();
        if (await menus.AnyAsync(m => m.Name == draft.Name, cancellationToken))
        {
            return "同じ名前のメニューがあるため、取り込みませんでした（上書きはしません）。";
        }

        if (draft.Role is RichMenuRole.Default or RichMenuRole.Disaster && await menus.AnyAsync(m => m.Role == draft.Role, cancellationToken))
        {
            return draft.Role == RichMenuRole.Default ? "標準のメニューがすでにあるため、取り込みませんでした。" : "防災メニューがすでにあるため、取り込みませんでした。";
        }

        return draft.TabAliasId is { } alias && await menus.AnyAsync(m => m.TabAliasId == alias, cancellationToken)
            ? $"タブの識別名「{alias}」をほかのメニューが使っているため、取り込みませんでした。"
            : null;
    }

    /// <returns>The new menu; null when another process imported the same file menu first.</returns>
    private async Task<RichMenu?> ImportAsync(TenantContext context, RichMenuFileEntry entry, CancellationToken cancellationToken)
    {
        var file = await File.ReadAllBytesAsync(entry.ImagePath, cancellationToken);
        var inspection = RichMenuImages.Inspect(file);
        var menu = RichMenu.Create(entry.Draft, inspection.Width, inspection.Height, MediaFileName.Original(MediaFileName.NewId()), FilesAuthor, clock.GetUtcNow());
        await media.SaveAsync(new MediaKey(context.TenantSlug, context.EnvironmentName, menu.ImageFileName), RichMenuImages.Reencode(file), cancellationToken);
        var marker = new RichMenuFileImport(entry.Draft.Name, menu.Id, clock.GetUtcNow());
        db.AddRange(menu, marker);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return menu;
        }
        catch (DbUpdateException)
        {
            db.Entry(menu).State = EntityState.Detached;
            db.Entry(marker).State = EntityState.Detached;
            if (await db.Set<RichMenuFileImport>().AnyAsync(i => i.FileMenuName == entry.Draft.Name, cancellationToken))
            {
                return null;
            }

            throw;
        }
    }
}
