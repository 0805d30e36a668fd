using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Messaging;

public sealed class PushAndAuthTests
{
    [Fact]
    public async Task Push_to_a_follower_is_delivered_to_the_inbox_with_the_call_that_sent_it()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text("ごみ収集のお知らせ") } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = Assert.Single(response.Headers.GetValues("x-line-request-id"));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var sentId = body["sentMessages"]![0]!["id"]!.GetValue<string>();
        var entry = Assert.Single(await h.InboxAsync(userId))!;
        Assert.Equal("push", entry["api"]!.GetValue<string>());
        Assert.Equal(requestId, entry["requestId"]!.GetValue<string>());
        Assert.Equal(EmulatorHarness.ChannelId, entry["channelId"]!.GetValue<string>());
        Assert.Equal(sentId, entry["id"]!.GetValue<string>());
        Assert.Equal("ごみ収集のお知らせ", entry["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_or_wrong_access_token_is_401_with_LINEs_body()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var body = new { to = EmulatorHarness.BotUserId, messages = new[] { EmulatorHarness.Text("x") } };

        await LineAssert.ErrorAsync(
            await h.Sim.PostAsJsonAsync("/v2/bot/message/push", body),
            HttpStatusCode.Unauthorized,
            "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'");

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/v2/bot/message/push") { Content = JsonContent.Create(body) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        await LineAssert.ErrorAsync(
            await h.Sim.SendAsync(wrong),
            HttpStatusCode.Unauthorized,
            "Authentication failed. Confirm that the access token in the authorization header is valid.");
    }

    [Fact]
    public async Task Push_to_a_user_who_blocked_the_account_is_accepted_but_not_delivered()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        await h.SimulateAsync(userId, new { type = "unfollow" });

        var response = await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text("届かない") } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await h.InboxAsync(userId));
    }

    [Fact]
    public async Task Push_to_a_malformed_or_unknown_user_id_is_400()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var messages = new[] { EmulatorHarness.Text("x") };

        await LineAssert.ErrorAsync(
            await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = "nobody", messages }),
            HttpStatusCode.BadRequest,
            "The property, 'to', in the request body is invalid (line: -, column: -)");
        await LineAssert.ErrorAsync(
            await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = "U" + new string('a', 32), messages }),
            HttpStatusCode.BadRequest,
            "Failed to send messages");
    }

    [Fact]
    public async Task Malformed_json_is_400_with_LINEs_parse_message()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var content = new StringContent("{\"to\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await h.Bot.PostAsync("/v2/bot/message/push", content);

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The request body could not be parsed as JSON (line: ", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_is_404_for_unknown_users_and_non_friends_and_200_for_followers()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var stranger = await h.CreateUserAsync("他人");
        var (follower, _) = await h.CreateFollowerAsync("佐藤 花子");

        await LineAssert.ErrorAsync(await h.Bot.GetAsync($"/v2/bot/profile/{stranger}"), HttpStatusCode.NotFound, "Not found");
        await LineAssert.ErrorAsync(await h.Bot.GetAsync("/v2/bot/profile/U" + new string('b', 32)), HttpStatusCode.NotFound, "Not found");
        var profile = (await h.Bot.GetFromJsonAsync<JsonObject>($"/v2/bot/profile/{follower}"))!;
        Assert.Equal("佐藤 花子", profile["displayName"]!.GetValue<string>());
        Assert.Equal(follower, profile["userId"]!.GetValue<string>());
        Assert.Equal("ja", profile["language"]!.GetValue<string>());
        Assert.Contains("\"佐藤 花子\"", await h.Bot.GetStringAsync($"/v2/bot/profile/{follower}"), StringComparison.Ordinal); // UTF-8, not \u escapes, as LINE sends

        await h.SimulateAsync(follower, new { type = "unfollow" });
        await LineAssert.ErrorAsync(await h.Bot.GetAsync($"/v2/bot/profile/{follower}"), HttpStatusCode.NotFound, "Not found");
    }

    [Fact]
    public async Task Bot_info_quota_and_consumption()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        await h.Bot.PostAsJsonAsync("/v2/bot/message/push", new { to = userId, messages = new[] { EmulatorHarness.Text("1"), EmulatorHarness.Text("2") } });

        var info = (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/info"))!;
        var quota = (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/message/quota"))!;
        var consumption = (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/message/quota/consumption"))!;

        Assert.Equal(EmulatorHarness.BotUserId, info["userId"]!.GetValue<string>());
        Assert.Equal("平川市", info["displayName"]!.GetValue<string>());
        Assert.Equal("none", quota["type"]!.GetValue<string>());
        Assert.Equal(1, consumption["totalUsage"]!.GetValue<long>()); // one push to one user counts once
    }
}
