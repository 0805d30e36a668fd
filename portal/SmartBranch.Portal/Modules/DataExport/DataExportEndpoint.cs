using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.DataExport;

/// <summary>
/// <c>POST /portal/{tenant}/data-export/archive</c>: the tenant's data export, streamed to the
/// browser as it is produced (docs/decisions.md explains why it is not a background job).
/// </summary>
internal static class DataExportEndpoint
{
    public const string NoPartsError = "NoParts";

    public static void MapTenantDataExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/data-export/archive", Export)
            .RequireAuthorization(KernelPermissions.TenantExport);

    public static string Path(string tenantSlug) => $"{PortalRoutes.TenantRoot(tenantSlug)}/data-export/archive";

    // The form as a whole: minimal APIs cannot bind string[] from a form on .NET 10 (string has a span TryParse they reject).
    private static IResult Export(string tenant, IFormCollection form, ITenantDataExport export, TimeProvider clock, HttpContext http)
    {
        var chosen = form["parts"].OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            return TypedResults.Redirect($"{PortalRoutes.TenantPage(tenant, "data-export")}?error={NoPartsError}");
        }

        if (chosen.Any(id => export.Parts.All(p => p.Id != id)))
        {
            return TypedResults.Problem(title: "選んだ部分の一部がありません。ページを開き直してください。", statusCode: StatusCodes.Status400BadRequest);
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"{tenant}-data-export-{JapanTime.From(clock.GetUtcNow()):yyyyMMdd-HHmm}.zip");
        return TypedResults.Stream(
            stream => export.ExportAsync(tenant, chosen, stream, http.RequestAborted),
            "application/zip",
            fileName);
    }
}
