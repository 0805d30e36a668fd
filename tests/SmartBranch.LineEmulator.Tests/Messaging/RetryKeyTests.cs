using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Messaging;

public sealed class RetryKeyTests
{
    private static HttpRequestMessage Post(string path, object body, string retryKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Line-Retry-Key", retryKey);
        return request;
    }

    [Fact]
    public async Task Repeated_push_with_the_same_retry_key_is_409_with_the_accepted_request_id_and_is_not_delivered_again()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { to = userId, messages = new[] { EmulatorHarness.Text("一度だけ") } };

        using var first = Post("/v2/bot/message/push", body, key);
        var accepted = await h.Bot.SendAsync(first);
        using var again = Post("/v2/bot/message/push", body, key);
        var conflict = await h.Bot.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var conflictBody = await LineAssert.ErrorAsync(conflict, HttpStatusCode.Conflict, "The retry key is already accepted");
        Assert.Equal(
            Assert.Single(accepted.Headers.GetValues("x-line-request-id")),
            Assert.Single(conflict.Headers.GetValues("x-line-accepted-request-id")));
        var acceptedBody = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(acceptedBody["sentMessages"]![0]!["id"]!.GetValue<string>(), conflictBody["sentMessages"]![0]!["id"]!.GetValue<string>());
        Assert.Single(await h.InboxAsync(userId));
    }

    [Fact]
    public async Task Retry_key_is_scoped_to_the_24_hours_after_acceptance()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await EmulatorHarness.StartAsync(time);
        var (userId, _) = await h.CreateFollowerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { to = new[] { userId }, messages = new[] { EmulatorHarness.Text("x") } };

        using var first = Post("/v2/bot/message/multicast", body, key);
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.SendAsync(first)).StatusCode);
        time.Advance(TimeSpan.FromHours(23));
        using var second = Post("/v2/bot/message/multicast", body, key);
        Assert.Equal(HttpStatusCode.Conflict, (await h.Bot.SendAsync(second)).StatusCode);
        time.Advance(TimeSpan.FromHours(1));
        using var third = Post("/v2/bot/message/multicast", body, key);
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.SendAsync(third)).StatusCode);
        Assert.Equal(2, (await h.InboxAsync(userId)).Count);
    }

    [Fact]
    public async Task Retry_key_must_be_a_UUID()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();

        using var request = Post("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text("x") } }, "not-a-uuid");
        var response = await h.Bot.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await h.InboxAsync(userId));
    }

    [Fact]
    public async Task Retry_key_is_refused_on_reply()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, replyToken) = await h.CreateFollowerAsync();

        using var request = Post("/v2/bot/message/reply", new { replyToken, messages = new[] { EmulatorHarness.Text("x") } }, Guid.NewGuid().ToString());
        var response = await h.Bot.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await h.InboxAsync(userId));
    }

    [Fact]
    public async Task Broadcast_with_a_repeated_retry_key_is_409_and_not_delivered_again()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { messages = new[] { EmulatorHarness.Text("防災情報") } };

        using var first = Post("/v2/bot/message/broadcast", body, key);
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.SendAsync(first)).StatusCode);
        using var second = Post("/v2/bot/message/broadcast", body, key);
        await LineAssert.ErrorAsync(await h.Bot.SendAsync(second), HttpStatusCode.Conflict, "The retry key is already accepted");

        Assert.Single(await h.InboxAsync(userId));
    }
}
