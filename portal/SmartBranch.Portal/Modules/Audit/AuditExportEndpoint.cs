using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Audit;

/// <summary><c>POST /portal/{tenant}/audit/export</c>: the current search as CSV, streamed row by row (the export is itself audited).</summary>
internal static class AuditExportEndpoint
{
    public static void MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/audit/export", ExportAsync)
            .RequireAuthorization(KernelPermissions.AuditExport);

    public static string Path(string tenantSlug) => $"{PortalRoutes.TenantRoot(tenantSlug)}/audit/export";

    private static IResult ExportAsync(
        string tenant,
        [FromForm] string? from,
        [FromForm] string? to,
        [FromForm] string? actor,
        [FromForm] string? action,
        [FromForm] string? q,
        [FromForm] bool personal,
        IAuditLogSearch search,
        IStringLocalizer<ShellText> text,
        TimeProvider clock,
        HttpContext http)
    {
        var (filter, error) = new AuditCriteria(from, to, actor, action, q, personal).ToFilter();
        if (filter is null)
        {
            return TypedResults.Problem(title: text[error!], statusCode: StatusCodes.Status400BadRequest);
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"audit-log-{tenant}-{JapanTime.From(clock.GetUtcNow()):yyyyMMdd-HHmm}.csv");
        return TypedResults.Stream(
            stream => search.ExportCsvAsync(filter, stream, http.RequestAborted),
            "text/csv; charset=utf-8",
            fileName);
    }
}
