using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Turns the <c>{tenant}</c> and <c>{env}</c> route values into the request's <see cref="TenantContext"/>,
/// once, at the edge: an unknown tenant or environment gets 404, one that is not running gets 503.
/// Runs after routing so that only endpoints whose route names a tenant are affected.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, ITenantCatalog catalog)
{
    public const string TenantRouteValue = "tenant";
    public const string EnvironmentRouteValue = "env";

    public async Task InvokeAsync(HttpContext context, CurrentTenant currentTenant)
    {
        if (context.GetRouteValue(TenantRouteValue) is not string slug)
        {
            await next(context);
            return;
        }

        var tenant = catalog.Find(slug);
        if (tenant is null || catalog.StatusOf(slug) == TenantStatus.Archived)
        {
            await WriteProblem(context, StatusCodes.Status404NotFound, "自治体が見つかりません。", "No such tenant.");
            return;
        }

        if (catalog.StatusOf(slug) == TenantStatus.Suspended)
        {
            context.Response.Headers.RetryAfter = "3600";
            await WriteProblem(context, StatusCodes.Status503ServiceUnavailable, "このサービスは現在停止しています。", "This tenant is suspended.");
            return;
        }

        if (context.GetRouteValue(EnvironmentRouteValue) is string environmentName)
        {
            var environment = tenant.FindEnvironment(environmentName);
            if (environment is null)
            {
                await WriteProblem(context, StatusCodes.Status404NotFound, "環境が見つかりません。", "No such environment.");
                return;
            }

            if (!environment.Line.IsConfigured)
            {
                context.Response.Headers.RetryAfter = "3600";
                await WriteProblem(context, StatusCodes.Status503ServiceUnavailable,
                    "この環境はまだ準備中です。", "This environment has no LINE channel configured yet.");
                return;
            }

            currentTenant.Enter(new TenantContext(tenant, environment));
        }
        else
        {
            currentTenant.Enter(tenant);
        }

        await next(context);
    }

    private static Task WriteProblem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
}
