using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Modules.Reports;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>
/// <c>GET /portal/{tenant}/reports/{id}/photo</c>: a case's photo for staff who may open the case (permission and
/// department checked by the module). Private: never cached by shared caches. Opening the case page is what is audited.
/// </summary>
internal static class ReportPhotoEndpoint
{
    public static void MapReportPhotos(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet($"{PortalRoutes.Portal}/{{tenant}}/{ReportsPaths.Inbox}/{{id:guid}}/photo", ServeAsync)
            .RequireAuthorization(ReportsPermissions.View);

    private static async Task<IResult> ServeAsync(Guid id, bool? preview, ReportCaseDesk cases, HttpContext http)
    {
        try
        {
            var photo = await cases.OpenPhotoAsync(id, preview ?? false, http.RequestAborted);
            if (photo is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Stream(photo, "image/jpeg");
        }
        catch (ReportRuleException)
        {
            return Results.NotFound();
        }
    }
}
