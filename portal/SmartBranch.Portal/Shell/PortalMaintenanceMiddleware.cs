using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Maintenance;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Shell;

/// <summary>
/// During a window that stops the portal, the tenant portal (in the staff member's environment) answers with the
/// maintenance page; the console and the portal's sign-in keep working.
/// </summary>
internal sealed class PortalMaintenanceMiddleware(RequestDelegate next, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, IMaintenanceCalendar calendar)
    {
        if (currentTenant.Context is { } tenant && context.Request.Path.StartsWithSegments(PortalRoutes.Portal)
            && await calendar.StoppingNowAsync(tenant.TenantSlug, tenant.EnvironmentName, MaintenanceStops.Portal, context.RequestAborted) is { } window)
        {
            await MaintenancePage.WriteStaffPageAsync(context, window, tenant, clock.GetUtcNow());
            return;
        }

        await next(context);
    }
}
