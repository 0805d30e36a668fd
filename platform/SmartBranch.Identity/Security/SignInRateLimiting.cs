using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SmartBranch.Identity.Security;

/// <summary>
/// Limits form posts to the sign-in pages and the token endpoint per client address; page views
/// are not limited. Apply with <c>[EnableRateLimiting(SignInRateLimitPolicy.Name)]</c>.
/// </summary>
internal sealed class SignInRateLimitPolicy(IOptions<SmartBranchIdentityOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "identity.sign-in";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.Headers.RetryAfter = "60";
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync("試行回数が多すぎます。しばらくしてからもう一度お試しください。", cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("views");
        }

        var limits = options.Value.RateLimiting;
        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerIpPermitLimit, Window = limits.PerIpWindow, QueueLimit = 0 });
    }
}

/// <summary>Limits sign-in attempts per account, whatever address they come from.</summary>
internal sealed class SignInAccountLimiter(IOptions<SmartBranchIdentityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimiting.PerAccountPermitLimit,
            Window = options.Value.RateLimiting.PerAccountWindow,
            QueueLimit = 0,
        }));

    public bool TryAttempt(string normalizedAccount)
    {
        using var lease = _limiter.AttemptAcquire(normalizedAccount);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
