using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace SmartBranch.Line.Client;

/// <summary>The per-channel limits LINE publishes (https://developers.line.biz/en/reference/messaging-api/#rate-limits).</summary>
internal enum LineRateLimitBucket
{
    /// <summary>Multicast: 200 requests per second.</summary>
    Multicast,

    /// <summary>Every other endpoint this client calls: 2,000 requests per second.</summary>
    Other,
}

/// <summary>
/// One channel's token buckets. A request waits in the bucket's queue until a permit is free, so a burst is
/// spread out instead of failing; the caller's cancellation token bounds the wait.
/// </summary>
internal sealed class LineChannelRateLimiter : IDisposable
{
    // A bucket holds one refill, so the busiest one-second span can take the full bucket plus a second's refills.
    // That is sized to 95% of LINE's limit: the margin absorbs the skew between our refills and LINE's counting
    // windows, so that bursts never turn into 429s (and a 429 is retried with the same retry key). Small, frequent
    // refills keep the steady rate close to that busiest second (37/38 of it, 92.5% of LINE's limit): a city-wide
    // emergency message is sent as fast as LINE allows, less the margin.
    private const int RefillsPerSecond = 37;
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / RefillsPerSecond);

    private readonly TokenBucketRateLimiter _multicast;
    private readonly TokenBucketRateLimiter _other;

    /// <param name="autoReplenishment">False only in tests, which then see a bucket that never refills.</param>
    public LineChannelRateLimiter(bool autoReplenishment = true)
    {
        _multicast = new TokenBucketRateLimiter(Options(LineRateLimitBucket.Multicast, autoReplenishment));
        _other = new TokenBucketRateLimiter(Options(LineRateLimitBucket.Other, autoReplenishment));
    }

    public RateLimiter For(LineRateLimitBucket bucket) => bucket == LineRateLimitBucket.Multicast ? _multicast : _other;

    public static TokenBucketRateLimiterOptions Options(LineRateLimitBucket bucket, bool autoReplenishment)
    {
        var linePerSecond = bucket == LineRateLimitBucket.Multicast ? 200 : 2_000;
        var permitsPerRefill = linePerSecond * 19 / 20 / (RefillsPerSecond + 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = permitsPerRefill,
            TokensPerPeriod = permitsPerRefill,
            ReplenishmentPeriod = RefillPeriod,
            AutoReplenishment = autoReplenishment,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    public void Dispose()
    {
        _multicast.Dispose();
        _other.Dispose();
    }
}

/// <summary>The rate limiters of every channel this process calls, shared by all clients of a channel.</summary>
internal sealed class LineRateLimiterRegistry(bool autoReplenishment = true) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LineChannelRateLimiter>> _channels = new(StringComparer.Ordinal);

    public LineChannelRateLimiter For(string channelId) =>
        _channels.GetOrAdd(channelId, _ => new Lazy<LineChannelRateLimiter>(() => new LineChannelRateLimiter(autoReplenishment))).Value;

    public void Dispose()
    {
        foreach (var channel in _channels.Values.Where(c => c.IsValueCreated))
        {
            channel.Value.Dispose();
        }
    }
}
