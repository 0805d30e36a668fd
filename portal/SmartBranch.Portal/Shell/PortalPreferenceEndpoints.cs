using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Shell;

/// <summary>The forms of the shell's switches: they set a cookie and go back to the page they came from.</summary>
internal static class PortalPreferenceEndpoints
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static void MapPortalPreferences(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/environment", ChooseEnvironment).RequireAuthorization();
        endpoints.MapPost($"{PortalRoutes.Portal}/{{tenant}}/language", (HttpContext http, string tenant, [FromForm] string language, [FromForm] string? returnUrl) =>
            ChooseLanguage(http, language, PortalRoutes.LocalOr(returnUrl, PortalRoutes.TenantRoot(tenant)))).RequireAuthorization();
        endpoints.MapPost($"{PortalRoutes.Ops}/language", (HttpContext http, [FromForm] string language, [FromForm] string? returnUrl) =>
            ChooseLanguage(http, language, PortalRoutes.LocalOr(returnUrl, PortalRoutes.Ops))).RequireAuthorization();
    }

    private static IResult ChooseEnvironment(
        HttpContext http, string tenant, [FromForm] string environment, [FromForm] string? returnUrl, ICurrentTenant currentTenant)
    {
        if (currentTenant.Tenant?.FindEnvironment(environment) is null)
        {
            return TypedResults.BadRequest();
        }

        http.Response.Cookies.Append(PortalEnvironment.CookieName, environment, CookieOptions(http, PortalRoutes.TenantRoot(tenant)));
        return TypedResults.Redirect(PortalRoutes.LocalOr(returnUrl, PortalRoutes.TenantRoot(tenant)));
    }

    private static IResult ChooseLanguage(HttpContext http, string language, string returnUrl)
    {
        if (!PortalCultures.All.Contains(language))
        {
            return TypedResults.BadRequest();
        }

        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            CookieOptions(http, "/"));
        return TypedResults.Redirect(returnUrl);
    }

    private static CookieOptions CookieOptions(HttpContext http, string path) => new()
    {
        Path = path,
        MaxAge = CookieLifetime,
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
    };
}
