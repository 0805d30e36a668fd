using Microsoft.AspNetCore.Http;
using SmartBranch.LineEmulator.Hosting;

namespace SmartBranch.LineEmulator.RateLimiting;

/// <summary>Applies the endpoint's <see cref="RateLimitPolicy"/> (metadata) or the 2,000/s default; 429 with LINE's body.</summary>
internal sealed class RateLimitFilter(EndpointRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        var policy = endpoint?.Metadata.GetMetadata<RateLimitPolicy>()
            ?? RateLimitPolicy.Default(endpoint?.DisplayName ?? http.Request.Path.Value ?? "");
        return limiter.TryAcquire(http.Channel().ChannelId, policy)
            ? await next(context)
            : LineErrors.TooManyRequests();
    }
}
