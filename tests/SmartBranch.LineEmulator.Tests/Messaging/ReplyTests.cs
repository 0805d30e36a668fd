using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace SmartBranch.LineEmulator.Tests.Messaging;

public sealed class ReplyTests
{
    [Fact]
    public async Task Reply_token_from_a_webhook_works_once()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();
        await h.SimulateAsync(userId, new { type = "follow" });
        var (_, webhook) = await h.SimulateAsync(userId, new { type = "text", text = "粗大ごみの出し方" });
        var replyToken = webhook.Event["replyToken"]!.GetValue<string>();
        var body = new { replyToken, messages = new[] { EmulatorHarness.Text("こちらをご覧ください") } };

        var first = await h.Bot.PostAsJsonAsync("/v2/bot/message/reply", body);
        var second = await h.Bot.PostAsJsonAsync("/v2/bot/message/reply", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await LineAssert.ErrorAsync(second, HttpStatusCode.BadRequest, "Invalid reply token");
        var entry = Assert.Single(await h.InboxAsync(userId))!;
        Assert.Equal("reply", entry["api"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_token_expires_after_one_minute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await EmulatorHarness.StartAsync(time);
        var (userId, stale) = await h.CreateFollowerAsync();
        var (_, fresh) = await h.SimulateAsync(userId, new { type = "text", text = "a" });

        time.Advance(TimeSpan.FromSeconds(59));
        var inTime = await h.Bot.PostAsJsonAsync("/v2/bot/message/reply", new { replyToken = fresh.Event["replyToken"]!.GetValue<string>(), messages = new[] { EmulatorHarness.Text("ok") } });
        time.Advance(TimeSpan.FromSeconds(1));
        var late = await h.Bot.PostAsJsonAsync("/v2/bot/message/reply", new { replyToken = stale, messages = new[] { EmulatorHarness.Text("late") } });

        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        await LineAssert.ErrorAsync(late, HttpStatusCode.BadRequest, "Invalid reply token");
        Assert.Single(await h.InboxAsync(userId));
    }

    [Fact]
    public async Task Invalid_reply_does_not_consume_the_token()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, replyToken) = await h.CreateFollowerAsync();

        var invalid = await h.Bot.PostAsJsonAsync("/v2/bot/message/reply", new { replyToken, messages = Array.Empty<object>() });
        var valid = await h.Bot.PostAsJsonAsync("/v2/bot/message/reply", new { replyToken, messages = new[] { EmulatorHarness.Text("ようこそ") } });

        await LineAssert.ValidationAsync(invalid, "messages");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Single(await h.InboxAsync(userId));
    }
}
