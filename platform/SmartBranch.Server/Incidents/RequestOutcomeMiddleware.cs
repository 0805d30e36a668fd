using SmartBranch.Kernel.Incidents;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// Counts every answer for the error-rate rule, and the LINE webhook's refusals and failures per tenant
/// environment for the webhook rule. Runs after routing, so it knows the endpoint and its route values;
/// an exception on its way to the exception handler counts as the 500 it becomes.
/// </summary>
internal sealed class RequestOutcomeMiddleware(RequestDelegate next, RequestOutcomeCounter counter)
{
    private const string WebhookEndpointName = "LineWebhook";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsProbe(context.Request.Path))
        {
            await next(context);
            return;
        }

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            Count(context, status);
        }
    }

    private void Count(HttpContext context, int status)
    {
        counter.Count(RequestOutcome.Answered);
        var serverError = status >= StatusCodes.Status500InternalServerError;
        if (serverError)
        {
            counter.Count(RequestOutcome.ServerError);
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName != WebhookEndpointName)
        {
            return;
        }

        var tenant = context.GetRouteValue("tenant") as string;
        var environment = context.GetRouteValue("env") as string;
        if (serverError)
        {
            counter.Count(RequestOutcome.WebhookServerError, tenant, environment);
        }
        else if (status == StatusCodes.Status401Unauthorized)
        {
            counter.Count(RequestOutcome.WebhookSignatureRejected, tenant, environment);
        }
    }

    /// <summary>Health checks and scrapes come every few seconds and would dilute the rate.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments(Hosting.Telemetry.MetricsPath);
}
