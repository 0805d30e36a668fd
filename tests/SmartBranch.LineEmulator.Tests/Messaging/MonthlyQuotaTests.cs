using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SmartBranch.LineEmulator.Tests.Messaging;

/// <summary>A channel's monthly target limit, set through the simulation API, as LINE enforces it.</summary>
public sealed class MonthlyQuotaTests
{
    private const string QuotaPath = $"/_sim/channels/{EmulatorHarness.ChannelId}/quota";

    [Fact]
    public async Task A_limit_is_reported_as_a_limited_quota_with_this_months_use()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();

        (await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = 500 })).EnsureSuccessStatusCode();
        await PushAsync(h, userId);

        var quota = (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/message/quota"))!;
        Assert.Equal("limited", quota["type"]!.GetValue<string>());
        Assert.Equal(500, quota["value"]!.GetValue<long>());
        Assert.Equal(1, (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/message/quota/consumption"))!["totalUsage"]!.GetValue<long>());

        (await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = (long?)null })).EnsureSuccessStatusCode();
        var none = (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/message/quota"))!;
        Assert.Equal("none", none["type"]!.GetValue<string>());
        Assert.False(none.ContainsKey("value"));
    }

    [Fact]
    public async Task Push_and_multicast_over_the_limit_are_refused_whole_and_replies_still_go()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (first, replyToken) = await h.CreateFollowerAsync("一人目");
        var (second, _) = await h.CreateFollowerAsync("二人目");
        (await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = 2 })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(h, first)).StatusCode);

        var multicast = await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", new { to = new[] { first, second }, messages = new[] { EmulatorHarness.Text("お知らせ") } });
        await LineAssert.ErrorAsync(multicast, HttpStatusCode.TooManyRequests, "You have reached your monthly limit.");
        Assert.Single(await h.InboxAsync(first));
        Assert.Empty(await h.InboxAsync(second));

        Assert.Equal(HttpStatusCode.OK, (await PushAsync(h, second)).StatusCode);
        await LineAssert.ErrorAsync(await PushAsync(h, first), HttpStatusCode.TooManyRequests, "You have reached your monthly limit.");
        var reply = await h.Bot.PostAsJsonAsync("/v2/bot/message/reply", new { replyToken, messages = new[] { EmulatorHarness.Text("返信") } });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(2, (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/message/quota/consumption"))!["totalUsage"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_refused_push_leaves_its_retry_key_free_for_a_retry_once_the_limit_is_raised()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        (await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = 0 })).EnsureSuccessStatusCode();
        var retryKey = Guid.NewGuid();

        await LineAssert.ErrorAsync(await PushAsync(h, userId, retryKey), HttpStatusCode.TooManyRequests, "You have reached your monthly limit.");
        (await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = 10 })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await PushAsync(h, userId, retryKey)).StatusCode);
        Assert.Single(await h.InboxAsync(userId));
    }

    [Fact]
    public async Task The_count_starts_again_with_each_month_in_japan_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 30, 14, 0, 0, TimeSpan.Zero)); // 23:00 JST
        await using var h = await EmulatorHarness.StartAsync(time);
        var (userId, _) = await h.CreateFollowerAsync();
        (await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = 1 })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(h, userId)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PushAsync(h, userId)).StatusCode);

        time.Advance(TimeSpan.FromHours(1)); // 00:00 JST on 1 May

        Assert.Equal(0, (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/message/quota/consumption"))!["totalUsage"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, (await PushAsync(h, userId)).StatusCode);
    }

    [Fact]
    public async Task Narrowcast_up_to_the_remaining_quota_reaches_only_as_many_as_remain()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var followers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            followers.Add((await h.CreateFollowerAsync($"住民 {i}")).UserId);
        }

        (await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = 2 })).EnsureSuccessStatusCode();
        var refused = await h.Bot.PostAsJsonAsync("/v2/bot/message/narrowcast", new { messages = new[] { EmulatorHarness.Text("全員へ") } });
        await LineAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests, "You have reached your monthly limit.");

        var fitted = await h.Bot.PostAsJsonAsync("/v2/bot/message/narrowcast",
            new { messages = new[] { EmulatorHarness.Text("残りの分だけ") }, limit = new { upToRemainingQuota = true } });

        Assert.Equal(HttpStatusCode.Accepted, fitted.StatusCode);
        var reached = 0;
        foreach (var follower in followers)
        {
            reached += (await h.InboxAsync(follower)).Count;
        }

        Assert.Equal(2, reached);
    }

    [Fact]
    public async Task A_bad_limit_or_an_unknown_channel_is_refused()
    {
        await using var h = await EmulatorHarness.StartAsync();

        await LineAssert.ValidationAsync(await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = -1 }), "limit");
        await LineAssert.ValidationAsync(await h.Sim.PostAsJsonAsync(QuotaPath, new { limit = "many" }), "limit");
        await LineAssert.ErrorAsync(await h.Sim.PostAsJsonAsync("/_sim/channels/unknown/quota", new { limit = 1 }), HttpStatusCode.NotFound, "Unknown channelId");
    }

    private static Task<HttpResponseMessage> PushAsync(EmulatorHarness h, string userId, Guid? retryKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/bot/message/push")
        {
            Content = JsonContent.Create(new { to = userId, messages = new[] { EmulatorHarness.Text("お知らせ") } }),
        };
        request.Headers.Add("X-Line-Retry-Key", (retryKey ?? Guid.NewGuid()).ToString());
        return h.Bot.SendAsync(request);
    }
}
