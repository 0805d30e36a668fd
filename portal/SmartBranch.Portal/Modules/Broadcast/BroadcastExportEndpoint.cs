using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary><c>POST /portal/{tenant}/broadcasts/export</c>: the searched history as CSV, streamed row by row (the export is itself audited).</summary>
internal static class BroadcastExportEndpoint
{
    public static void MapBroadcastHistoryExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/{BroadcastPaths.History}/export", Export)
            .RequireAuthorization(BroadcastPermissions.View);

    private static IResult Export(
        string tenant,
        [FromForm] string? q,
        [FromForm] string? state,
        [FromForm] string? from,
        [FromForm] string? to,
        [FromForm] string? author,
        BroadcastHistory history,
        IStringLocalizer<DeliveryText> text,
        IStringLocalizer<ShellText> shell,
        TimeProvider clock,
        HttpContext http)
    {
        var (filter, error) = new BroadcastCriteria(q, state, from, to, author).ToFilter(text, shell);
        if (filter is null)
        {
            return TypedResults.Problem(title: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"broadcasts-{tenant}-{JapanTime.From(clock.GetUtcNow()):yyyyMMdd-HHmm}.csv");
        return TypedResults.Stream(
            stream => history.ExportCsvAsync(filter, stream, http.RequestAborted),
            "text/csv; charset=utf-8",
            fileName);
    }
}
