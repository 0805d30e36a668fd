using Microsoft.AspNetCore.Http;

namespace SmartBranch.Portal.Shell;

/// <summary>The paths the portal serves, and the ones its pipeline branch (culture, environment) applies to.</summary>
public static class PortalRoutes
{
    public const string Portal = "/portal";
    public const string Ops = "/ops";

    /// <summary>Interactive components connect here; their circuit takes the culture of this request.</summary>
    public const string BlazorHub = "/_blazor";

    public static string TenantRoot(string tenantSlug) => $"{Portal}/{tenantSlug}";

    public static string TenantPage(string tenantSlug, string path) =>
        path.Length == 0 ? TenantRoot(tenantSlug) : $"{TenantRoot(tenantSlug)}/{path}";

    public static bool IsPortalRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Portal)
        || context.Request.Path.StartsWithSegments(Ops)
        || context.Request.Path.StartsWithSegments(BlazorHub);

    /// <summary>A return address from a form, accepted only if it stays on this site.</summary>
    public static string LocalOr(string? returnUrl, string fallback) =>
        returnUrl is ['/', not '/' and not '\\', ..] || returnUrl == "/" ? returnUrl : fallback;
}
