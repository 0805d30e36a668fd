using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Simulation;

/// <summary>The simulation API the resident simulator reads: users, channels, sent events, rich menus, content.</summary>
public sealed class SimulatorViewTests
{
    [Fact]
    public async Task Users_are_listed_oldest_first_with_the_channels_they_follow()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (friend, _) = await h.CreateFollowerAsync("友だち");
        var stranger = await h.CreateUserAsync("未登録");

        var users = (await h.Sim.GetFromJsonAsync<JsonObject>("/_sim/users"))!["users"]!.AsArray();

        Assert.Equal([friend, stranger], users.Select(u => u!["userId"]!.GetValue<string>()));
        Assert.Equal("友だち", users[0]!["displayName"]!.GetValue<string>());
        Assert.Equal([EmulatorHarness.ChannelId], users[0]!["following"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(users[1]!["following"]!.AsArray());
    }

    [Fact]
    public async Task Channels_are_listed_without_their_secrets()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var body = await h.Sim.GetStringAsync("/_sim/channels");
        var channel = JsonNode.Parse(body)!["channels"]!.AsArray().Single()!;

        Assert.Equal(EmulatorHarness.ChannelId, channel["channelId"]!.GetValue<string>());
        Assert.Equal("平川市", channel["botDisplayName"]!.GetValue<string>());
        Assert.Equal(EmulatorHarness.BotUserId, channel["botUserId"]!.GetValue<string>());
        Assert.Equal(["channelId", "botDisplayName", "botUserId", "webhookUrl"], channel.AsObject().Select(p => p.Key));
        Assert.DoesNotContain(EmulatorHarness.AccessToken, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sent_events_are_recorded_with_the_webhook_status_and_the_text_shown_for_them()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        h.Receiver.AnswerNext(500);
        await h.SimulateAsync(userId, new { type = "postback", data = "action=apply", displayText = "申請する" });

        var events = (await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/events"))!["events"]!.AsArray();

        Assert.Equal(2, events.Count);
        Assert.Equal("follow", events[0]!["event"]!["type"]!.GetValue<string>());
        Assert.Equal(200, events[0]!["webhookStatus"]!.GetValue<int>());
        Assert.Equal("action=apply", events[1]!["event"]!["postback"]!["data"]!.GetValue<string>());
        Assert.Equal(500, events[1]!["webhookStatus"]!.GetValue<int>());
        Assert.Equal("申請する", events[1]!["displayText"]!.GetValue<string>());
        Assert.Equal(EmulatorHarness.ChannelId, events[1]!["channelId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await h.Sim.GetAsync($"/_sim/users/U{new string('0', 32)}/events")).StatusCode);
    }

    [Fact]
    public async Task Content_a_user_sent_is_readable_without_the_channel_token()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xD9];
        var (result, _) = await h.SimulateAsync(userId, new { type = "image", data = Convert.ToBase64String(photo), contentType = "image/jpeg" });

        var content = await h.Sim.GetAsync($"/_sim/channels/{EmulatorHarness.ChannelId}/content/{result["messageId"]}");

        Assert.Equal("image/jpeg", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal(photo, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await h.Sim.GetAsync($"/_sim/channels/{EmulatorHarness.ChannelId}/content/1")).StatusCode);
    }

    [Fact]
    public async Task A_user_sees_the_menu_linked_to_them_else_the_default_with_its_image()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var none = await h.Sim.GetAsync($"/_sim/users/{userId}/richmenu");
        var defaultMenu = await CreateMenuWithImageAsync(h, "既定");
        var personal = await CreateMenuWithImageAsync(h, "個人");
        await h.Bot.PostAsync($"/v2/bot/user/all/richmenu/{defaultMenu}", null);

        var byDefault = (await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/richmenu"))!;
        await h.Bot.PostAsync($"/v2/bot/user/{userId}/richmenu/{personal}", null);
        var linked = (await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/richmenu?channelId={EmulatorHarness.ChannelId}"))!;
        var image = await h.Sim.GetAsync(linked["imageUrl"]!.GetValue<string>());

        await LineAssert.ErrorAsync(none, HttpStatusCode.NotFound, "The user has no rich menu");
        Assert.Equal(("default", defaultMenu), (byDefault["source"]!.GetValue<string>(), byDefault["richMenu"]!["richMenuId"]!.GetValue<string>()));
        Assert.Equal(("user", "個人"), (linked["source"]!.GetValue<string>(), linked["richMenu"]!["chatBarText"]!.GetValue<string>()));
        Assert.Equal("postback", linked["richMenu"]!["areas"]![0]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Sim.GetAsync($"/_sim/users/{userId}/richmenu?channelId=none")).StatusCode);
    }

    [Fact]
    public async Task A_rich_menu_switch_changes_the_menu_the_user_sees()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var first = await CreateMenuWithImageAsync(h, "一枚目");
        var second = await CreateMenuWithImageAsync(h, "二枚目");
        await h.Bot.PostAsync($"/v2/bot/user/all/richmenu/{first}", null);
        await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/alias", new { richMenuAliasId = "page-2", richMenuId = second });

        await h.SimulateAsync(userId, new { type = "postback", data = "tab=2", newRichMenuAliasId = "page-2" });
        var menu = (await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/richmenu"))!;

        Assert.Equal(second, menu["richMenu"]!["richMenuId"]!.GetValue<string>());
    }

    private static async Task<string> CreateMenuWithImageAsync(EmulatorHarness h, string chatBarText)
    {
        var created = await h.Bot.PostAsJsonAsync("/v2/bot/richmenu", new
        {
            size = new { width = 2500, height = 843 },
            selected = true,
            name = chatBarText,
            chatBarText,
            areas = new[] { new { bounds = new { x = 0, y = 0, width = 1250, height = 843 }, action = new { type = "postback", data = "menu=1" } } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["richMenuId"]!.GetValue<string>();
        var image = new ByteArrayContent(TestImages.Png(2500, 843));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsync($"/v2/bot/richmenu/{id}/content", image)).StatusCode);
        return id;
    }
}
