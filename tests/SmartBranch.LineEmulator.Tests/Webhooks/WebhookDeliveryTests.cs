using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static string ExpectedSignature(string rawBody) => Convert.ToBase64String(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(EmulatorHarness.ChannelSecret), Encoding.UTF8.GetBytes(rawBody)));

    [Fact]
    public async Task Text_event_is_signed_and_shaped_like_LINEs_webhook()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();
        await h.SimulateAsync(userId, new { type = "follow" });

        var (result, webhook) = await h.SimulateAsync(userId, new { type = "text", text = "こんにちは" });

        Assert.Equal(ExpectedSignature(webhook.RawBody), webhook.Signature);
        Assert.Equal(EmulatorHarness.BotUserId, webhook.Body["destination"]!.GetValue<string>());
        var evt = webhook.Event;
        Assert.Equal("message", evt["type"]!.GetValue<string>());
        Assert.Equal("active", evt["mode"]!.GetValue<string>());
        Assert.Equal("user", evt["source"]!["type"]!.GetValue<string>());
        Assert.Equal(userId, evt["source"]!["userId"]!.GetValue<string>());
        Assert.False(evt["deliveryContext"]!["isRedelivery"]!.GetValue<bool>());
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", evt["webhookEventId"]!.GetValue<string>());
        Assert.Equal("text", evt["message"]!["type"]!.GetValue<string>());
        Assert.Equal("こんにちは", evt["message"]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(evt["replyToken"]!.GetValue<string>()));
        Assert.Equal(evt["webhookEventId"]!.GetValue<string>(), result["webhookEventId"]!.GetValue<string>());
        Assert.Equal(200, result["webhookStatus"]!.GetValue<int>());
    }

    [Fact]
    public async Task Failed_delivery_is_redelivered_with_the_same_event_id_and_isRedelivery_true()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();
        h.Receiver.AnswerNext(500);

        var (result, first) = await h.SimulateAsync(userId, new { type = "follow" });
        var second = await h.Receiver.NextAsync();

        Assert.Equal(500, result["webhookStatus"]!.GetValue<int>());
        Assert.False(first.Event["deliveryContext"]!["isRedelivery"]!.GetValue<bool>());
        Assert.True(second.Event["deliveryContext"]!["isRedelivery"]!.GetValue<bool>());
        Assert.Equal(first.Event["webhookEventId"]!.GetValue<string>(), second.Event["webhookEventId"]!.GetValue<string>());
        Assert.Equal(ExpectedSignature(second.RawBody), second.Signature);
    }

    [Fact]
    public async Task Redelivery_stops_after_the_configured_attempts()
    {
        await using var h = await EmulatorHarness.StartAsync(redeliveryDelays: [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20)]);
        var userId = await h.CreateUserAsync();
        h.Receiver.AnswerNext(503, 503, 503, 503);

        var (_, first) = await h.SimulateAsync(userId, new { type = "follow" });
        var redeliveries = new[] { await h.Receiver.NextAsync(), await h.Receiver.NextAsync() };
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken); // > the configured delays
        await h.Server.StopAsync(TestContext.Current.CancellationToken); // waits for pending redeliveries to end

        Assert.All(redeliveries, r => Assert.Equal(first.Event["webhookEventId"]!.GetValue<string>(), r.Event["webhookEventId"]!.GetValue<string>()));
        Assert.False(h.Receiver.TryTake(out _), "only the two configured redeliveries are attempted");
    }

    [Fact]
    public async Task Refollow_after_unfollow_is_unblocked_and_unfollow_has_no_reply_token()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();

        var (_, follow) = await h.SimulateAsync(userId, new { type = "follow" });
        var (_, unfollow) = await h.SimulateAsync(userId, new { type = "unfollow" });
        var (_, refollow) = await h.SimulateAsync(userId, new { type = "follow" });

        Assert.False(follow.Event["follow"]!["isUnblocked"]!.GetValue<bool>());
        Assert.Null(unfollow.Event["replyToken"]);
        Assert.True(refollow.Event["follow"]!["isUnblocked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Postback_and_location_events_carry_their_data()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();

        var (_, postback) = await h.SimulateAsync(userId, new { type = "postback", data = "action=reserve", @params = new { date = "2026-04-01" } });
        var (_, location) = await h.SimulateAsync(userId, new { type = "location", title = "平川市役所", address = "青森県平川市", latitude = 40.584, longitude = 140.566 });

        Assert.Equal("postback", postback.Event["type"]!.GetValue<string>());
        Assert.Equal("action=reserve", postback.Event["postback"]!["data"]!.GetValue<string>());
        Assert.Equal("2026-04-01", postback.Event["postback"]!["params"]!["date"]!.GetValue<string>());
        var message = location.Event["message"]!;
        Assert.Equal("location", message["type"]!.GetValue<string>());
        Assert.Equal("平川市役所", message["title"]!.GetValue<string>());
        Assert.Equal(140.566, message["longitude"]!.GetValue<double>());
    }

    [Fact]
    public async Task Messages_from_a_user_who_does_not_follow_are_refused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();

        var response = await h.Sim.PostAsJsonAsync($"/_sim/users/{userId}/events", new { type = "text", text = "x" });

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(h.Receiver.TryTake(out _));
    }
}
