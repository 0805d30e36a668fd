using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Networking;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>
/// Allows the tenant's configured map tile host, and no other, in the Content-Security-Policy of the tenant's portal
/// pages. Every page rather than the map pages alone, since the portal navigates without reloading the document and
/// the first page's policy is the one the browser keeps.
/// </summary>
internal sealed class ReportMapTileSource(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, IReportsDesk desk)
    {
        if (currentTenant.Context is not null && desk.Categories.Count > 0)
        {
            ContentSecurityPolicyImageSources.Allow(context, desk.MapSettings.TileHost);
        }

        return next(context);
    }
}
