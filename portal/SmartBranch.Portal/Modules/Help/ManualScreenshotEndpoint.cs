using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.Portal.Ops;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Help;

/// <summary>The manual's screenshots, beside the manual in the tenant portal and in the console. They show the demo tenant only.</summary>
internal static class ManualScreenshotEndpoint
{
    public static void MapManualScreenshots(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{PortalRoutes.Portal}/{{tenant}}/{ManualRoutes.Help}/{ManualRoutes.Screenshots}/{{file}}", Serve)
            .RequireAuthorization(PortalPermissions.HelpView);
        endpoints.MapGet($"{ManualRoutes.OpsHelp}/{ManualRoutes.Screenshots}/{{file}}", Serve)
            .RequireAuthorization(OperatorAuthorization.Policy);
    }

    private static IResult Serve(string file, ManualLibrary library, HttpContext context)
    {
        if (library.Screenshot(file) is not { } png)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(png, "image/png");
    }
}
