using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Shell;

/// <summary>
/// Portal routes name only the tenant; the staff member's chosen environment becomes the request's
/// <see cref="TenantContext"/>, so that every query on the page reads that environment's rows.
/// </summary>
internal sealed class PortalEnvironmentMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ITenantEnvironmentEntry entry)
    {
        if (currentTenant is { Tenant: { } tenant, Context: null } && context.Request.Path.StartsWithSegments(PortalRoutes.Portal))
        {
            entry.Enter(tenant.Slug, PortalEnvironment.Choose(tenant, context.Request.Cookies[PortalEnvironment.CookieName]));
        }

        return next(context);
    }
}
