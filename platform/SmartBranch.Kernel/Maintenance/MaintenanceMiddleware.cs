using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Maintenance;

/// <summary>
/// During a window that stops resident pages, every resident page of the tenant environment
/// (<c>/r/{tenant}/{env}/…</c>) answers with the maintenance page. The LINE webhook, health endpoints, the console
/// and the portal pass: LINE must never see a failure, and events received meanwhile are processed as usual.
/// </summary>
internal sealed class MaintenanceMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string ResidentPagesPrefix = "/r";

    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, IMaintenanceCalendar calendar)
    {
        if (currentTenant.Context is { } tenant && context.Request.Path.StartsWithSegments(ResidentPagesPrefix)
            && await calendar.StoppingNowAsync(tenant.TenantSlug, tenant.EnvironmentName, MaintenanceStops.ResidentPages, context.RequestAborted) is { } window)
        {
            await MaintenancePage.WriteResidentPageAsync(context, window, tenant, clock.GetUtcNow());
            return;
        }

        await next(context);
    }
}
