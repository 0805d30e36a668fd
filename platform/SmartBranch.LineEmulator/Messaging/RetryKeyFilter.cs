using Microsoft.AspNetCore.Http;
using SmartBranch.LineEmulator.Hosting;

namespace SmartBranch.LineEmulator.Messaging;

/// <summary>Marks an endpoint that accepts <c>X-Line-Retry-Key</c> (push, multicast, narrowcast, broadcast).</summary>
internal sealed class AcceptsRetryKey;

/// <summary>Checks <c>X-Line-Retry-Key</c>: it must be a hexadecimal UUID, and only the four sending endpoints accept it;
/// anything else is 400 (https://developers.line.biz/en/docs/messaging-api/retrying-api-request/).</summary>
internal sealed class RetryKeyFilter : IEndpointFilter
{
    private const string ItemKey = "line.retryKey";

    public static Guid? RetryKey(HttpContext context) => context.Items[ItemKey] as Guid?;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(LineHeaders.RetryKey, out var values))
        {
            return await next(context);
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<AcceptsRetryKey>() is null)
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "X-Line-Retry-Key header is not supported by this API");
        }

        if (values.Count != 1 || !Guid.TryParseExact(values[0], "D", out var key))
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "The X-Line-Retry-Key header must be a UUID");
        }

        http.Items[ItemKey] = key;
        return await next(context);
    }
}
