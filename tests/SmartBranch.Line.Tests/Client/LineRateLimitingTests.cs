using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;

namespace SmartBranch.Line.Tests.Client;

/// <summary>
/// The per-channel rate limits, checked without timing: buckets built with auto-replenishment off never refill,
/// so what a test sees is exactly what one bucketful allows.
/// </summary>
public sealed class LineRateLimitingTests
{
    private static readonly LineMessage[] Hello = [new TextMessage("こんにちは")];

    [Theory]
    [InlineData(true, 200)]
    [InlineData(false, 2_000)]
    public void The_busiest_second_stays_below_LINEs_published_limit(bool multicast, int linePerSecond)
    {
        var bucket = multicast ? LineRateLimitBucket.Multicast : LineRateLimitBucket.Other;
        using var limiter = new LineChannelRateLimiter(autoReplenishment: false);
        var options = LineChannelRateLimiter.Options(bucket, autoReplenishment: false);

        var burst = AcquireAll(limiter.For(bucket));

        // The busiest second: a full bucket at its start, then every refill within it.
        var refillsPerSecond = (int)(TimeSpan.FromSeconds(1) / options.ReplenishmentPeriod);
        var busiestSecond = burst + (options.TokensPerPeriod * refillsPerSecond);
        Assert.InRange(busiestSecond, linePerSecond * 0.9, linePerSecond * 0.95);
    }

    [Theory]
    [InlineData(true, 200)]
    [InlineData(false, 2_000)]
    public void A_long_send_runs_at_more_than_90_percent_of_LINEs_published_limit(bool multicast, int linePerSecond)
    {
        var options = LineChannelRateLimiter.Options(multicast ? LineRateLimitBucket.Multicast : LineRateLimitBucket.Other, autoReplenishment: false);

        var steadyPerSecond = options.TokensPerPeriod * (TimeSpan.FromSeconds(1) / options.ReplenishmentPeriod);

        Assert.InRange(steadyPerSecond, linePerSecond * 0.9, linePerSecond * 0.95);
    }

    [Fact]
    public async Task An_empty_bucket_queues_requests_instead_of_refusing_them()
    {
        using var limiter = new LineChannelRateLimiter(autoReplenishment: false);
        var multicast = limiter.For(LineRateLimitBucket.Multicast);
        AcquireAll(multicast);
        using var cancellation = new CancellationTokenSource();

        var waiting = multicast.AcquireAsync(1, cancellation.Token).AsTask();

        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_queued_request_gets_its_permit_when_the_bucket_refills()
    {
        using var limiter = new LineChannelRateLimiter();
        var multicast = limiter.For(LineRateLimitBucket.Multicast);
        AcquireAll(multicast);

        using var lease = await multicast.AcquireAsync(1, TestContext.Current.CancellationToken)
            .AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void Multicasts_do_not_use_up_the_permits_of_other_calls()
    {
        using var limiter = new LineChannelRateLimiter(autoReplenishment: false);

        AcquireAll(limiter.For(LineRateLimitBucket.Multicast));

        using var lease = limiter.For(LineRateLimitBucket.Other).AttemptAcquire();
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void Each_channel_has_its_own_limiter()
    {
        using var registry = new LineRateLimiterRegistry();

        Assert.Same(registry.For("1656123456"), registry.For("1656123456"));
        Assert.NotSame(registry.For("1656123456"), registry.For("1656999999"));
    }

    [Fact]
    public async Task Clients_of_one_channel_share_its_limit_and_wait_for_a_permit()
    {
        using var registry = new LineRateLimiterRegistry(autoReplenishment: false);
        using var harness = new LineClientHarness(services => services.AddSingleton(registry));
        var channel = LineClientHarness.Channel;
        AcquireAll(registry.For(channel.ChannelId).For(LineRateLimitBucket.Multicast));
        using var cancellation = new CancellationTokenSource();

        // A new client of the same channel, even with a renewed token, finds the bucket empty and waits.
        var sameChannel = harness.Client(channel with { ChannelAccessToken = "renewed-token" });
        var waiting = sameChannel.MulticastAsync(["U4af4980629"], Hello, Guid.NewGuid(), cancellation.Token);

        // Another channel, and other calls of the same one, are not held up.
        var otherChannel = harness.Client(channel with { ChannelId = "1656999999" });
        await harness.Complete(otherChannel.MulticastAsync(["U4af4980629"], Hello, Guid.NewGuid()));
        await harness.Complete(sameChannel.PushAsync("U4af4980629", Hello, Guid.NewGuid()));

        Assert.False(waiting.IsCompleted);
        Assert.Equal(["/v2/bot/message/multicast", "/v2/bot/message/push"], harness.Api.Requests.Select(r => r.Uri.AbsolutePath));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(2, harness.Api.Requests.Count);
    }

    private static int AcquireAll(System.Threading.RateLimiting.RateLimiter bucket)
    {
        var acquired = 0;
        while (true)
        {
            using var lease = bucket.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                return acquired;
            }

            acquired++;
        }
    }
}
