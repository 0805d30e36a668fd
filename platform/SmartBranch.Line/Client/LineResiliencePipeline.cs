using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;
using Polly.Timeout;

namespace SmartBranch.Line.Client;

/// <summary>
/// What every request to LINE goes through, outermost first: retries with backoff, then the channel's rate
/// limiter and a timeout for each attempt, so that a retried request waits for a permit too.
/// </summary>
internal static class LineResiliencePipeline
{
    public const string Name = "line";

    private static readonly HttpRequestOptionsKey<RateLimiter> RateLimiterKey = new("SmartBranch.Line.RateLimiter");
    private static readonly HttpRequestOptionsKey<bool> SingleAttemptKey = new("SmartBranch.Line.SingleAttempt");

    /// <summary>Sets the limiter whose permit each attempt of <paramref name="request"/> waits for.</summary>
    public static void RateLimitWith(this HttpRequestMessage request, RateLimiter limiter) => request.Options.Set(RateLimiterKey, limiter);

    /// <summary>Sends <paramref name="request"/> once: repeating it is not safe (<see cref="LineEndpoint.Retryable"/>).</summary>
    public static void SendOnce(this HttpRequestMessage request) => request.Options.Set(SingleAttemptKey, true);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder) =>
        builder
            .AddRetry(new HttpRetryStrategyOptions
            {
                // Repeating is safe: push and multicast carry a retry key, a reply token is single use, the rest are reads
                // or idempotent writes; requests marked to be sent once are not repeated.
                ShouldHandle = args => ValueTask.FromResult(!IsSingleAttempt(args.Context) && ShouldRetry(args.Outcome)),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            })
            .AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = args => AcquirePermitAsync(args.Context) })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(30) });

    private static bool IsSingleAttempt(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(SingleAttemptKey, out var once) && once;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
            : outcome.Exception is HttpRequestException or TimeoutRejectedException;

    private static ValueTask<RateLimitLease> AcquirePermitAsync(ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        if (request is null || !request.Options.TryGetValue(RateLimiterKey, out var limiter))
        {
            throw new InvalidOperationException("A request to LINE has no rate limiter; send it through ILineMessagingClient.");
        }

        return limiter.AcquireAsync(1, context.CancellationToken);
    }
}
