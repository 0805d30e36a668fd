using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Messaging;

public sealed class LimitsTests
{
    private static object[] Texts(int n) => [.. Enumerable.Range(0, n).Select(i => EmulatorHarness.Text($"m{i}"))];

    [Fact]
    public async Task Text_of_5000_UTF16_units_is_accepted_and_5001_is_rejected_on_the_text_property()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var emoji = string.Concat(Enumerable.Repeat("😀", 2500)); // 2 UTF-16 units each

        var ok = await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text(emoji) } });
        var tooLong = await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text(emoji + "a") } });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await LineAssert.ValidationAsync(tooLong, "messages[0].text");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public async Task One_to_five_messages(int count, bool accepted)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = Texts(count) });

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(count, (await h.InboxAsync(userId)).Count);
        }
        else
        {
            await LineAssert.ValidationAsync(response, "messages");
            Assert.Empty(await h.InboxAsync(userId));
        }
    }

    [Theory]
    [InlineData(13, true)]
    [InlineData(14, false)]
    public async Task Quick_reply_has_at_most_13_items(int items, bool accepted)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var quickReply = new
        {
            items = Enumerable.Range(0, items).Select(i => new { type = "action", action = new { type = "message", label = $"l{i}", text = $"t{i}" } }),
        };

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/validate/push", new { messages = new[] { new { type = "text", text = "選んでください", quickReply } } });

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            await LineAssert.ValidationAsync(response, "messages[0].quickReply.items");
        }
    }

    [Fact]
    public async Task Flex_bubble_over_30KB_is_rejected()
    {
        await using var h = await EmulatorHarness.StartAsync();
        object Bubble(int textLength) => new
        {
            type = "flex",
            altText = "お知らせ",
            contents = new { type = "bubble", body = new { type = "box", layout = "vertical", contents = new[] { new { type = "text", text = new string('x', textLength) } } } },
        };

        var small = await h.Bot.PostAsJsonAsync("/v2/bot/message/validate/broadcast", new { messages = new[] { Bubble(1000) } });
        var big = await h.Bot.PostAsJsonAsync("/v2/bot/message/validate/broadcast", new { messages = new[] { Bubble(31 * 1024) } });

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        await LineAssert.ValidationAsync(big, "messages[0].contents");
    }

    [Fact]
    public async Task Unknown_message_type_is_rejected_on_the_type_property()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/validate/reply", new { messages = new[] { new { type = "hologram" } } });

        await LineAssert.ValidationAsync(response, "messages[0].type");
    }

    [Fact]
    public async Task Body_over_2MB_is_413()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var padding = new string('a', (2 * 1024 * 1024) + 10);

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text("x") }, padding });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(body["message"]);
        Assert.Empty(await h.InboxAsync(userId));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public async Task Multicast_accepts_at_most_500_user_ids(int count, bool accepted)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var to = Enumerable.Range(0, count - 1).Select(i => "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)).Append(userId);

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/multicast", new { to, messages = new[] { EmulatorHarness.Text("一斉") } });

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("multicast", Assert.Single(await h.InboxAsync(userId))!["api"]!.GetValue<string>());
        }
        else
        {
            await LineAssert.ValidationAsync(response, "to");
            Assert.Empty(await h.InboxAsync(userId));
        }
    }
}
