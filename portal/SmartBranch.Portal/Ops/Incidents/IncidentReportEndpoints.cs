using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Incidents;

namespace SmartBranch.Portal.Ops.Incidents;

/// <summary>The incident report as a Markdown file to send the city, or as a page to print (or save as PDF).</summary>
internal static class IncidentReportEndpoints
{
    public static void MapIncidentReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ops/incidents/{id:guid}/report.md", (Guid id, IIncidentConsole incidents, CancellationToken cancellationToken) =>
                ExportAsync(id, incidents, markdown: true, cancellationToken))
            .RequireAuthorization(OperatorAuthorization.Policy);
        endpoints.MapGet("/ops/incidents/{id:guid}/report.html", (Guid id, IIncidentConsole incidents, CancellationToken cancellationToken) =>
                ExportAsync(id, incidents, markdown: false, cancellationToken))
            .RequireAuthorization(OperatorAuthorization.Policy);
    }

    private static async Task<IResult> ExportAsync(Guid id, IIncidentConsole incidents, bool markdown, CancellationToken cancellationToken)
    {
        if (await incidents.ExportAsync(id, cancellationToken) is not { } details)
        {
            return Results.NotFound();
        }

        if (!markdown)
        {
            return Results.Content(details.Report.ToHtml(), "text/html; charset=utf-8");
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"incident-report-{JapanTime.From(details.Incident.OpenedAt):yyyyMMdd-HHmm}.md");
        return Results.File(System.Text.Encoding.UTF8.GetBytes(details.Report.ToMarkdown()), "text/markdown; charset=utf-8", fileName);
    }
}
