using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Webhooks;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>
/// <c>POST /line/{tenant}/{env}/webhook</c>: verify LINE's signature over the raw body, store the
/// events, answer 200. Processing happens afterwards (<see cref="LineWebhookProcessor"/>), so LINE's
/// ~2 s window holds even when a module is slow or LINE's API is.
/// </summary>
internal static partial class LineWebhookEndpoint
{
    public const string Route = "/line/{tenant}/{env}/webhook";

    // LINE's webhook bodies are a few KB; anything near this is not LINE.
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointConventionBuilder MapLineWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync).DisableAntiforgery().WithName("LineWebhook").ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        ICurrentTenant currentTenant,
        LineWebhookEventStore store,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(LineWebhookEndpoint));
        var tenant = currentTenant.Required;

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!LineWebhookSignature.IsValid(tenant.Environment.Line.ChannelSecret!, body, http.Request.Headers[LineWebhookSignature.HeaderName]))
        {
            LogBadSignature(logger, tenant.TenantSlug, tenant.EnvironmentName);
            return Results.Unauthorized();
        }

        LineWebhookCallback callback;
        try
        {
            callback = LineWebhookCallback.Parse(body);
        }
        catch (LineWebhookFormatException e)
        {
            LogMalformed(logger, tenant.TenantSlug, tenant.EnvironmentName, e.Message);
            return Results.BadRequest();
        }

        var stored = await store.StoreAsync(tenant, callback.Events, cancellationToken);
        LogReceived(logger, tenant.TenantSlug, tenant.EnvironmentName, callback.Events.Count, stored);
        return Results.Ok();
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook for {Tenant}/{Environment}: bad signature.")]
    private static partial void LogBadSignature(ILogger logger, string tenant, string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook for {Tenant}/{Environment}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string tenant, string environment, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for {Tenant}/{Environment}: {Events} events, {Stored} new.")]
    private static partial void LogReceived(ILogger logger, string tenant, string environment, int events, int stored);
}
