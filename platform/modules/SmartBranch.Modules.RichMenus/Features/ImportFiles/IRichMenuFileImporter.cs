namespace SmartBranch.Modules.RichMenus.Features.ImportFiles;

/// <summary>
/// Makes the menus of the tenant's files (<c>tenants/&lt;slug&gt;/richmenus/</c>) menus of the current tenant environment:
/// each file menu once, never over a menu staff made or edited.
/// </summary>
public interface IRichMenuFileImporter
{
    /// <summary>The explicit「ファイルから取り込む」of staff holding <see cref="RichMenuPermissions.Edit"/>.</summary>
    /// <exception cref="Domain.RichMenuForbiddenException">The staff member may not edit menus.</exception>
    Task<RichMenuFileImportResult> ImportAsync(CancellationToken cancellationToken);
}

/// <param name="Imported">Names of the menus made now.</param>
/// <param name="Skipped">Why a file menu was left out, in Japanese (e.g. the environment has a default menu already).</param>
public sealed record RichMenuFileImportResult(IReadOnlyList<string> Imported, IReadOnlyList<string> Skipped);
