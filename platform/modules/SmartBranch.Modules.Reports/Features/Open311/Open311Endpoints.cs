using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Modules.Reports.Features.Open311;

/// <summary>
/// GeoReport v2 at <c>/open311/{tenant}/v2/…</c> (the production environment, what city systems and public apps use)
/// and <c>/open311/{tenant}/{env}/v2/…</c> (any environment by name, for testing a connection against staging). The
/// extension chooses the format: <c>services.json</c>, <c>requests.xml</c>, <c>requests/R-2026-000123.json</c>.
/// </summary>
internal static class Open311Endpoints
{
    public static void MapOpen311(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints.MapGroup("/open311/{tenant}/v2").AddEndpointFilter(EnterProduction));
        Map(endpoints.MapGroup("/open311/{tenant}/{env}/v2"));
    }

    private static void Map(RouteGroupBuilder api)
    {
        api.MapGet("services.{format}", (string format, Open311Api open311) => Answer(format, () => Task.FromResult(open311.Services())));
        api.MapGet("requests.{format}", (string format, HttpContext http, Open311Api open311) =>
            Answer(format, () => open311.SearchAsync(http.Request.Query, http.RequestAborted)));
        api.MapGet("requests/{id}.{format}", (string id, string format, HttpContext http, Open311Api open311) =>
            Answer(format, () => open311.FindAsync(id, http.RequestAborted)));
        api.MapPost("requests.{format}", (string format, HttpContext http, Open311Api open311) => Answer(format, async () =>
        {
            if (!http.Request.HasFormContentType)
            {
                throw Open311Exception.BadRequest("application/x-www-form-urlencoded で送ってください。 (Send the request form-encoded.)");
            }

            return await open311.CreateAsync(await http.Request.ReadFormAsync(http.RequestAborted), http.RequestAborted);
        })).DisableAntiforgery();
    }

    private static async Task<IResult> Answer(string extension, Func<Task<Open311Document>> work)
    {
        Open311Format format;
        switch (extension)
        {
            case "json":
                format = Open311Format.Json;
                break;
            case "xml":
                format = Open311Format.Xml;
                break;
            default:
                return Results.NotFound();
        }

        try
        {
            return (await work()).ToResult(format);
        }
        catch (Open311Exception e)
        {
            return e.ToDocument().ToResult(format, e.StatusCode);
        }
    }

    private static ValueTask<object?> EnterProduction(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var tenant = services.GetRequiredService<ICurrentTenant>();
        if (tenant is { Tenant: { } definition, Context: null })
        {
            if (definition.FindEnvironment(TenantEnvironmentNames.Production) is null)
            {
                return ValueTask.FromResult<object?>(Results.NotFound());
            }

            services.GetRequiredService<ITenantEnvironmentEntry>().Enter(definition.Slug, TenantEnvironmentNames.Production);
        }

        return next(context);
    }
}
