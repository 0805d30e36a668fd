using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.PublicMap;

/// <summary>
/// <c>GET /r/{tenant}/{env}/reports/map</c>: the public status map, for everyone and without sign-in, and
/// <c>…/reports/map/photos/{receipt}</c>: a photo staff approved for it. A tenant that does not publish a map answers
/// 404 to both, as does a photo not approved (or no longer). Both may be cached briefly by anyone: they hold nothing
/// personal, and a withdrawn photo leaves shared caches within <see cref="CacheSeconds"/>.
/// </summary>
internal static class PublicReportMapEndpoints
{
    public const string PagePath = "reports/map";

    /// <summary>The map's address for a receipt message; null where the tenant has not opted in.</summary>
    public static Uri? LinkFor(ReportCatalog catalog, TenantContext tenant, ResidentPageLinks links) =>
        catalog.PublicMap ? links.OnServer(tenant, PagePath) : null;
    public const string ScriptPath = "/r/assets/public-report-map.js";
    public const string StyleSheetPath = "/r/assets/public-report-map.css";

    public const int CacheSeconds = 60;

    private static readonly string CacheControl = $"public, max-age={CacheSeconds}";

    public static void MapPublicReportMap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ScriptPath, () => Results.Text(PublicReportMapAssets.Script, "text/javascript; charset=utf-8"));
        endpoints.MapGet(StyleSheetPath, () => Results.Text(PublicReportMapAssets.StyleSheet, "text/css; charset=utf-8"));
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{PagePath}", ShowAsync);
        endpoints.MapGet($"/r/{{tenant}}/{{env}}/{PagePath}/photos/{{receipt}}", PhotoAsync);
    }

    public static string PhotoPath(TenantContext tenant, string receiptNumber) =>
        $"{ResidentSessions.BasePath(tenant)}/{PagePath}/photos/{Uri.EscapeDataString(receiptNumber)}";

    private static async Task<IResult> ShowAsync(string? category, string? status, HttpContext http, ICurrentTenant currentTenant, PublicReportMap map)
    {
        var tenant = currentTenant.Required;
        var catalog = map.Catalog;
        var line = tenant.Environment.Line;
        if (!catalog.PublicMap)
        {
            return ResidentPage.Error(StatusCodes.Status404NotFound, PublicReportMapPage.Title, "この自治体は通報の地図を公開していません。", line);
        }

        var filter = PublicReportMapFilter.Parse(category, status, catalog);
        var reports = filter.Error is null ? await map.ReportsAsync(filter.CategoryKey, filter.Status, http.RequestAborted) ?? [] : [];
        var page = PublicReportMapPage.Render(tenant, catalog, filter, reports);
        return new ResidentPage(filter.Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, "ja", PublicReportMapPage.Title, page, line, [ScriptPath])
        {
            UsesLiff = false,
            StyleSheets = [PublicReportMapPage.LeafletStyleSheet, StyleSheetPath],
            ImageOrigins = [catalog.Map.TileHost],
            CacheControl = CacheControl,
        };
    }

    private static async Task<IResult> PhotoAsync(string receipt, HttpContext http, PublicReportMap map)
    {
        if (receipt.Length > 20)
        {
            return Results.NotFound();
        }

        var photo = await map.OpenPhotoAsync(receipt, http.RequestAborted);
        if (photo is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = CacheControl;
        return Results.Stream(photo, "image/jpeg");
    }
}

/// <summary>What a resident filtered the map by; an unknown value is an error said in Japanese, not a silent "all".</summary>
internal sealed record PublicReportMapFilter(string? CategoryKey, ReportStatus? Status, string? Error)
{
    public static PublicReportMapFilter Parse(string? category, string? status, Catalog.ReportCatalog catalog)
    {
        var categoryKey = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (categoryKey is not null && catalog.Category(categoryKey) is null)
        {
            return new(null, null, "選んだ種類は見つかりませんでした。一覧から選び直してください。");
        }

        if (string.IsNullOrWhiteSpace(status))
        {
            return new(categoryKey, null, null);
        }

        var wanted = PublicReportMap.Statuses.Where(s => s.Key() == status.Trim()).Cast<ReportStatus?>().FirstOrDefault();
        return wanted is null
            ? new(categoryKey, null, "選んだ状況は見つかりませんでした。一覧から選び直してください。")
            : new(categoryKey, wanted, null);
    }
}

/// <summary>The map's script and style sheet, embedded in the module.</summary>
internal static class PublicReportMapAssets
{
    public static readonly string Script = Read("public-report-map.js");
    public static readonly string StyleSheet = Read("public-report-map.css");

    private static string Read(string name) => EmbeddedAsset.Read(typeof(PublicReportMapAssets).Assembly, $"SmartBranch.Modules.Reports.Assets.{name}");
}
