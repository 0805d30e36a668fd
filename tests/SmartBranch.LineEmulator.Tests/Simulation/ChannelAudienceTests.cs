using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Simulation;

/// <summary>A channel's audience at scale: friends added in bulk, and who received a text, counted on the emulator.</summary>
public sealed class ChannelAudienceTests
{
    private static readonly string[] Friends = ["U" + new string('1', 32), "U" + new string('2', 32), "U" + new string('3', 32)];

    [Fact]
    public async Task Friends_added_in_bulk_receive_multicasts_and_no_webhook_is_posted()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var added = await h.Sim.PostAsJsonAsync($"/_sim/channels/{EmulatorHarness.ChannelId}/friends", new { userIds = Friends });
        var multicast = await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", new { to = Friends, messages = new[] { EmulatorHarness.Text("まとめて追加") } });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(3, (await added.Content.ReadFromJsonAsync<JsonObject>())!["added"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, multicast.StatusCode);
        foreach (var userId in Friends)
        {
            Assert.Equal("まとめて追加", Assert.Single(await h.InboxAsync(userId))!["message"]!["text"]!.GetValue<string>());
        }

        Assert.False(h.Receiver.TryTake(out _));
    }

    [Fact]
    public async Task Receipts_count_each_recipient_once_and_every_copy()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Sim.PostAsJsonAsync($"/_sim/channels/{EmulatorHarness.ChannelId}/friends", new { userIds = Friends });
        await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", new { to = Friends, messages = new[] { EmulatorHarness.Text("お知らせ") } });
        await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", new { to = Friends[..1], messages = new[] { EmulatorHarness.Text("お知らせ") } });
        await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", new { to = Friends, messages = new[] { EmulatorHarness.Text("別のお知らせ") } });

        var receipts = (await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/channels/{EmulatorHarness.ChannelId}/receipts?text=%E3%81%8A%E7%9F%A5%E3%82%89%E3%81%9B"))!;

        Assert.Equal((3, 4, 1), (receipts["recipients"]!.GetValue<int>(), receipts["messages"]!.GetValue<int>(), receipts["receivedMoreThanOnce"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Bulk_friends_must_be_user_ids_of_an_existing_channel()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var invalid = await h.Sim.PostAsJsonAsync($"/_sim/channels/{EmulatorHarness.ChannelId}/friends", new { userIds = new[] { Friends[0], "not-a-user" } });
        var empty = await h.Sim.PostAsJsonAsync($"/_sim/channels/{EmulatorHarness.ChannelId}/friends", new { userIds = Array.Empty<string>() });
        var unknown = await h.Sim.PostAsJsonAsync("/_sim/channels/999/friends", new { userIds = Friends });

        await LineAssert.ValidationAsync(invalid, "userIds[1]");
        await LineAssert.ValidationAsync(empty, "userIds");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Sim.GetAsync($"/_sim/users/{Friends[0]}/inbox")).StatusCode);
    }
}
