using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Liff;

public sealed class LiffAppTests
{
    private static object App(string url = "https://city.example.jp/r/hirakawa/staging/", string type = "full", string description = "平川市の申請") =>
        new { view = new { type, url }, description };

    private static async Task<string> AddAsync(EmulatorHarness h, object app)
    {
        var response = await h.Bot.PostAsJsonAsync("/liff/v1/apps", app);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["liffId"]!.GetValue<string>();
    }

    [Fact]
    public async Task Apps_are_added_listed_updated_and_deleted_with_LINEs_defaults()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var empty = await h.Bot.GetAsync("/liff/v1/apps");

        var liffId = await AddAsync(h, App());
        var added = (await h.Bot.GetFromJsonAsync<JsonObject>("/liff/v1/apps"))!["apps"]![0]!;
        var updated = await h.Bot.PutAsJsonAsync($"/liff/v1/apps/{liffId}", new { view = new { type = "tall" } });
        var afterUpdate = (await h.Bot.GetFromJsonAsync<JsonObject>("/liff/v1/apps"))!["apps"]![0]!;
        var deleted = await h.Bot.DeleteAsync($"/liff/v1/apps/{liffId}");

        await LineAssert.ErrorAsync(empty, HttpStatusCode.NotFound, "There is no LIFF app on the channel");
        Assert.Matches($"^{EmulatorHarness.ChannelId}-[A-Za-z0-9]{{8}}$", liffId);
        Assert.Equal(liffId, added["liffId"]!.GetValue<string>());
        Assert.Equal("concat", added["permanentLinkPattern"]!.GetValue<string>());
        Assert.Equal(["profile", "chat_message.write"], added["scope"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("none", added["botPrompt"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("tall", afterUpdate["view"]!["type"]!.GetValue<string>());
        Assert.Equal("https://city.example.jp/r/hirakawa/staging/", afterUpdate["view"]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Bot.DeleteAsync($"/liff/v1/apps/{liffId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Bot.PutAsJsonAsync($"/liff/v1/apps/{liffId}", new { description = "x" })).StatusCode);
    }

    [Theory]
    [InlineData("http://city.example.jp/", "full", "申請", "view.url")]
    [InlineData("https://city.example.jp/#top", "full", "申請", "view.url")]
    [InlineData("https://city.example.jp/", "half", "申請", "view.type")]
    [InlineData("https://city.example.jp/", "full", "LINEで申請", "description")]
    public async Task Settings_follow_LINEs_rules(string url, string type, string description, string property)
    {
        await using var h = await EmulatorHarness.StartAsync();

        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/liff/v1/apps", App(url, type, description)), property);
        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/liff/v1/apps", new { description }), "view");
    }

    [Fact]
    public async Task A_local_http_endpoint_is_accepted_and_a_channel_holds_at_most_30_apps()
    {
        await using var h = await EmulatorHarness.StartAsync();

        await AddAsync(h, App("http://localhost:5080/r/hirakawa/staging/"));
        for (var i = 1; i < 30; i++)
        {
            await AddAsync(h, App());
        }

        await LineAssert.ErrorAsync(await h.Bot.PostAsJsonAsync("/liff/v1/apps", App()), HttpStatusCode.BadRequest, "The maximum number of LIFF apps (30) has been reached");
    }

    [Fact]
    public async Task The_LIFF_API_needs_the_channel_access_token()
    {
        await using var h = await EmulatorHarness.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await h.Sim.PostAsJsonAsync("/liff/v1/apps", App())).StatusCode);
    }

    [Theory]
    [InlineData("https://city.example.jp/r/app/", "", "https://city.example.jp/r/app/")]
    [InlineData("https://city.example.jp/r/app/", "/forms/12?step=2", "https://city.example.jp/r/app/forms/12?step=2")]
    [InlineData("https://city.example.jp/r/app?lang=ja", "/forms?step=2", "https://city.example.jp/r/app/forms?lang=ja&step=2")]
    public async Task A_LIFF_URL_opens_its_endpoint_with_the_rest_of_the_URL_appended(string endpoint, string rest, string expected)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var liffId = await AddAsync(h, App(endpoint));

        var resolved = (await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/liff/resolve?url={Uri.EscapeDataString($"https://liff.line.me/{liffId}{rest}")}"))!;

        Assert.Equal(expected, resolved["url"]!.GetValue<string>());
        Assert.Equal((liffId, EmulatorHarness.ChannelId, "full"), (resolved["liffId"]!.GetValue<string>(), resolved["channelId"]!.GetValue<string>(), resolved["viewType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Unknown_apps_and_other_URLs_do_not_resolve()
    {
        await using var h = await EmulatorHarness.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await h.Sim.GetAsync("/_sim/liff/resolve?url=https%3A%2F%2Fliff.line.me%2F1-abcdefgh")).StatusCode);
        await LineAssert.ValidationAsync(await h.Sim.GetAsync("/_sim/liff/resolve?url=https%3A%2F%2Fexample.com%2F"), "url");
    }

    [Fact]
    public async Task A_LIFF_ID_token_is_for_the_channel_holding_the_app_and_verifies()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var liffId = await AddAsync(h, App());
        var userId = await h.CreateUserAsync("平川 花子");

        var issued = await h.Sim.PostAsJsonAsync($"/_sim/users/{userId}/id-token", new { liffId });
        var token = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["idToken"]!.GetValue<string>();
        var verified = await h.Sim.PostAsync("/oauth2/v2.1/verify", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["id_token"] = token, ["client_id"] = EmulatorHarness.ChannelId }));
        var claims = (await verified.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal((userId, "平川 花子"), (claims["sub"]!.GetValue<string>(), claims["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await h.Sim.PostAsJsonAsync($"/_sim/users/{userId}/id-token", new { liffId = "1-unknown0" })).StatusCode);
    }

    [Fact]
    public async Task Apps_given_at_registration_open_their_endpoint_and_registering_again_replaces_them_only()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var added = await AddAsync(h, App());
        var liffId = $"{EmulatorHarness.ChannelId}-resident";

        h.Server.AddOrUpdateChannel(Channel(new EmulatorLiffApp { LiffId = liffId, EndpointUrl = new Uri("http://localhost:5080/r/hirakawa/staging"), ViewType = "tall" }));
        var first = await ResolveAsync(h, $"https://liff.line.me/{liffId}/preferences");
        h.Server.AddOrUpdateChannel(Channel(new EmulatorLiffApp { LiffId = liffId, EndpointUrl = new Uri("http://localhost:6080/r/hirakawa/staging") }));
        var second = await ResolveAsync(h, $"https://liff.line.me/{liffId}/preferences");
        var listed = (await h.Bot.GetFromJsonAsync<JsonObject>("/liff/v1/apps"))!["apps"]!.AsArray();

        Assert.Equal(("http://localhost:5080/r/hirakawa/staging/preferences", "tall"), (first["url"]!.GetValue<string>(), first["viewType"]!.GetValue<string>()));
        Assert.Equal(("http://localhost:6080/r/hirakawa/staging/preferences", "full"), (second["url"]!.GetValue<string>(), second["viewType"]!.GetValue<string>()));
        Assert.Equal(new[] { added, liffId }.Order(StringComparer.Ordinal), listed.Select(a => a!["liffId"]!.GetValue<string>()));
        Assert.Equal(EmulatorHarness.ChannelId, second["channelId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_app_given_at_registration_follows_LINEs_rules_and_belongs_to_one_channel()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Server.AddOrUpdateChannel(Channel(new EmulatorLiffApp { LiffId = "held-resident", EndpointUrl = new Uri("https://city.example.jp/r/") }));
        var other = new EmulatorChannel
        {
            ChannelId = "1650000002",
            ChannelSecret = EmulatorHarness.ChannelSecret,
            ChannelAccessToken = "other-channel-access-token",
            LiffApps = [new EmulatorLiffApp { LiffId = "held-resident", EndpointUrl = new Uri("https://city.example.jp/other/") }],
        };

        var insecure = Assert.Throws<ArgumentException>(() => h.Server.AddOrUpdateChannel(
            Channel(new EmulatorLiffApp { LiffId = "new-resident", EndpointUrl = new Uri("http://city.example.jp/r/") })));
        var held = Assert.Throws<ArgumentException>(() => h.Server.AddOrUpdateChannel(other));

        Assert.Contains("view.url", insecure.Message, StringComparison.Ordinal);
        Assert.Contains("belongs to channel", held.Message, StringComparison.Ordinal);
        Assert.Equal("https://city.example.jp/r/", (await ResolveAsync(h, "https://liff.line.me/held-resident"))["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await h.Sim.GetAsync("/_sim/liff/resolve?url=https%3A%2F%2Fliff.line.me%2Fnew-resident")).StatusCode);
    }

    private static EmulatorChannel Channel(EmulatorLiffApp app) => new()
    {
        ChannelId = EmulatorHarness.ChannelId,
        ChannelSecret = EmulatorHarness.ChannelSecret,
        ChannelAccessToken = EmulatorHarness.AccessToken,
        BotUserId = EmulatorHarness.BotUserId,
        LiffApps = [app],
    };

    private static async Task<JsonObject> ResolveAsync(EmulatorHarness h, string liffUrl) =>
        (await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/liff/resolve?url={Uri.EscapeDataString(liffUrl)}"))!;
}
