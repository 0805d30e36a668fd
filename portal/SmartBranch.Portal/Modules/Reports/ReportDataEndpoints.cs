using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel;
using SmartBranch.Modules.Reports;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Export;
using SmartBranch.Modules.Reports.Features.Map;
using SmartBranch.Modules.Reports.Features.Statistics;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>
/// The inbox's data outside its pages, each for staff with <see cref="ReportsPermissions.View"/> and limited to their
/// departments by the module: <c>GET …/reports/map/markers</c> (JSON for the map; audited, as it holds places),
/// <c>POST …/reports/export</c> (the filter's cases as CSV) and <c>POST …/reports/stats/export</c> (the statistics as
/// CSV). The exports are posted with the anti-forgery token, since each is an audited act.
/// </summary>
internal static class ReportDataEndpoints
{
    public static void MapReportData(this IEndpointRouteBuilder endpoints)
    {
        var reports = $"{PortalRoutes.Portal}/{{tenant}}/{ReportsPaths.Inbox}";
        endpoints.MapGet($"{reports}/map/markers", MarkersAsync).RequireAuthorization(ReportsPermissions.View);
        endpoints.MapPost($"{reports}/export", ExportCases).RequireAuthorization(ReportsPermissions.View);
        endpoints.MapPost($"{reports}/stats/export", ExportStatistics).RequireAuthorization(ReportsPermissions.View);
    }

    private static async Task<IResult> MarkersAsync(
        string tenant,
        string? status,
        string? category,
        string? department,
        string? from,
        string? to,
        ReportMap map,
        IReportsDesk desk,
        IStringLocalizer<ReportsText> text,
        HttpContext http)
    {
        var (filter, error) = new ReportInboxCriteria(status, category, department, from, to).ToFilter(text);
        if (filter is null)
        {
            return TypedResults.Problem(title: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var found = await map.MarkersAsync(filter, http.RequestAborted);
        var styles = desk.Categories.Select((c, index) => (c.Key, Style: ReportMarkerStyle.ForCategory(index))).ToDictionary(c => c.Key, c => c.Style);
        var fallback = ReportMarkerStyle.ForCategory(styles.Count);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(new MarkersResponse(
            found.Total,
            [.. found.Markers.Select(m =>
            {
                var style = styles.GetValueOrDefault(m.CategoryKey, fallback);
                return new MarkerResponse(
                    m.Id, m.ReceiptNumber, m.Category, m.Status.ToString(), text.Name(m.Status), m.Status.IsOpen(), JapanTime.Display(m.ReportedAt),
                    m.Latitude, m.Longitude, ReportsPaths.Case(tenant, m.Id), style.Colour, style.Shape);
            })]));
    }

    private static IResult ExportCases(
        string tenant,
        [FromForm] string? status,
        [FromForm] string? category,
        [FromForm] string? department,
        [FromForm] string? from,
        [FromForm] string? to,
        ReportExport export,
        IStringLocalizer<ReportsText> text,
        TimeProvider clock,
        HttpContext http)
    {
        var (filter, error) = new ReportInboxCriteria(status, category, department, from, to).ToFilter(text);
        return filter is null
            ? TypedResults.Problem(title: error, statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Stream(stream => export.ExportCsvAsync(filter, stream, http.RequestAborted), "text/csv; charset=utf-8", FileName("reports", tenant, clock));
    }

    private static IResult ExportStatistics(
        string tenant,
        [FromForm] string? from,
        [FromForm] string? to,
        ReportStatistics statistics,
        IStringLocalizer<ReportsText> text,
        TimeProvider clock,
        HttpContext http)
    {
        var (period, error) = new ReportPeriodCriteria(from, to).ToPeriod(text, clock);
        return period is not { } range
            ? TypedResults.Problem(title: error, statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Stream(
                stream => statistics.ExportCsvAsync(range.From, range.Until, stream, http.RequestAborted), "text/csv; charset=utf-8", FileName("report-stats", tenant, clock));
    }

    private static string FileName(string what, string tenant, TimeProvider clock) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}-{tenant}-{JapanTime.From(clock.GetUtcNow()):yyyyMMdd-HHmm}.csv");

    private sealed record MarkersResponse(int Total, IReadOnlyList<MarkerResponse> Markers);

    private sealed record MarkerResponse(
        Guid Id, string ReceiptNumber, string Category, string Status, string StatusLabel, bool Open, string ReportedAt, double Lat, double Lon, string Href,
        string Colour, string Shape);
}
