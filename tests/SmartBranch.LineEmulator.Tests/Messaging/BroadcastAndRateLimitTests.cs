using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SmartBranch.LineEmulator.Tests.Messaging;

public sealed class BroadcastAndRateLimitTests
{
    [Fact]
    public async Task Broadcast_reaches_followers_only()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (a, _) = await h.CreateFollowerAsync("A");
        var (b, _) = await h.CreateFollowerAsync("B");
        await h.SimulateAsync(b, new { type = "unfollow" });
        var stranger = await h.CreateUserAsync("C");

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/broadcast", new { messages = new[] { EmulatorHarness.Text("全員へ") } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("broadcast", Assert.Single(await h.InboxAsync(a))!["api"]!.GetValue<string>());
        Assert.Empty(await h.InboxAsync(b));
        Assert.Empty(await h.InboxAsync(stranger));
    }

    [Fact]
    public async Task Narrowcast_is_202_and_its_progress_reports_success()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (a, _) = await h.CreateFollowerAsync("A");
        await h.CreateFollowerAsync("B");

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/narrowcast", new { messages = new[] { EmulatorHarness.Text("絞り込み") }, limit = new { max = 1 } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var requestId = Assert.Single(response.Headers.GetValues("x-line-request-id"));
        var progress = (await h.Bot.GetFromJsonAsync<JsonObject>($"/v2/bot/message/progress/narrowcast?requestId={requestId}"))!;
        Assert.Equal("succeeded", progress["phase"]!.GetValue<string>());
        Assert.Equal(1, progress["targetCount"]!.GetValue<long>());
        await LineAssert.ErrorAsync(await h.Bot.GetAsync("/v2/bot/message/progress/narrowcast?requestId=unknown"), HttpStatusCode.NotFound, "Not found");
    }

    [Fact]
    public async Task Broadcast_is_limited_to_60_requests_per_hour()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await using var h = await EmulatorHarness.StartAsync(time);
        var body = new { messages = new[] { EmulatorHarness.Text("x") } };

        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsJsonAsync("/v2/bot/message/broadcast", body)).StatusCode);
        }

        await LineAssert.ErrorAsync(
            await h.Bot.PostAsJsonAsync("/v2/bot/message/broadcast", body),
            HttpStatusCode.TooManyRequests,
            "The API rate limit has been exceeded. Try again later.");
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.GetAsync("/v2/bot/info")).StatusCode); // other endpoints unaffected
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsJsonAsync("/v2/bot/message/broadcast", body)).StatusCode);
    }

    [Fact]
    public async Task Multicast_is_limited_to_200_requests_per_second()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await using var h = await EmulatorHarness.StartAsync(time);
        var body = new { to = new[] { EmulatorHarness.BotUserId }, messages = new[] { EmulatorHarness.Text("x") } };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 201; i++)
        {
            statuses.Add((await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", body)).StatusCode);
        }

        Assert.Equal(200, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", body)).StatusCode);
    }
}
