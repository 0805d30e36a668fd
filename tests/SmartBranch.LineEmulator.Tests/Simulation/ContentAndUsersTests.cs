using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SmartBranch.LineEmulator.Tests.Simulation;

public sealed class ContentAndUsersTests
{
    [Fact]
    public async Task Created_user_ids_are_U_and_32_lowercase_hex()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var response = await h.Sim.PostAsync("/_sim/users", null);
        var userId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^U[0-9a-f]{32}$", userId);
    }

    [Fact]
    public async Task Image_sent_by_a_user_is_downloadable_then_gone_after_retention()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await EmulatorHarness.StartAsync(time);
        var (userId, _) = await h.CreateFollowerAsync();
        byte[] image = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

        var (result, webhook) = await h.SimulateAsync(userId, new { type = "image", data = Convert.ToBase64String(image), contentType = "image/png" });
        var messageId = webhook.Event["message"]!["id"]!.GetValue<string>();
        var content = await h.Bot.GetAsync($"/v2/bot/message/{messageId}/content");

        Assert.Equal(messageId, result["messageId"]!.GetValue<string>());
        Assert.Equal("line", webhook.Event["message"]!["contentProvider"]!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("image/png", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal(image, await content.Content.ReadAsByteArrayAsync());
        await LineAssert.ErrorAsync(await h.Bot.GetAsync("/v2/bot/message/123/content"), HttpStatusCode.NotFound, "Not found");

        time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.Gone, (await h.Bot.GetAsync($"/v2/bot/message/{messageId}/content")).StatusCode);
    }

    [Fact]
    public async Task Channels_can_be_added_after_start_and_events_name_the_channel_when_several_exist()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Server.AddOrUpdateChannel(new EmulatorChannel { ChannelId = "2", ChannelSecret = "s2", ChannelAccessToken = "t2", WebhookUrl = h.Receiver.Url });
        var userId = await h.CreateUserAsync();

        var ambiguous = await h.Sim.PostAsJsonAsync($"/_sim/users/{userId}/events", new { type = "follow" });
        var (result, webhook) = await h.SimulateAsync(userId, new { type = "follow", channelId = "2" });
        using var second = new HttpClient { BaseAddress = h.Server.BaseUrl };
        second.DefaultRequestHeaders.Authorization = new("Bearer", "t2");
        var push = await second.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text("二つ目") } });

        await LineAssert.ValidationAsync(ambiguous, "channelId");
        Assert.Equal("2", result["channelId"]!.GetValue<string>());
        Assert.Matches("^U[0-9a-f]{32}$", webhook.Body["destination"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
        Assert.Equal("2", Assert.Single(await h.InboxAsync(userId))!["channelId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Base_url_is_the_bound_origin_without_a_path()
    {
        await using var h = await EmulatorHarness.StartAsync();

        Assert.Equal("/", h.Server.BaseUrl.AbsolutePath);
        Assert.NotEqual(0, h.Server.BaseUrl.Port);
    }
}
