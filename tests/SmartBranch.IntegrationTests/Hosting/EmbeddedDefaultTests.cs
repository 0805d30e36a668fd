using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Server.Hosting;

namespace SmartBranch.IntegrationTests.Hosting;

/// <summary>The embedded default: no configuration but a database file, and Hirakawa's staging works with the built-in emulator.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task Hirakawa_staging_runs_on_the_built_in_emulator_without_any_LINE_settings()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await using var app = StartEmbedded(database);
        using var sim = new HttpClient { BaseAddress = EmulatorOf(app).BaseUrl };

        var created = await sim.PostAsJsonAsync("/_sim/users", new { displayName = "平川 次郎" });
        var userId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
        var delivery = await (await sim.PostAsJsonAsync($"/_sim/users/{userId}/events", new { type = "follow" })).Content.ReadFromJsonAsync<JsonObject>();
        var inbox = await Eventually.GetAsync(
            async () => (await sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/inbox"))!["messages"]!.AsArray(),
            messages => messages.Count > 0,
            "the welcome message");

        var configuration = app.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(configuration["Tenants:hirakawa:staging:Line:ChannelId"], configuration["Tenants:hirakawa:staging:Line:LoginChannelId"]);
        Assert.Equal(200, delivery!["webhookStatus"]!.GetValue<int>());
        Assert.Contains("平川市", inbox[0]!["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preferences_link_of_the_welcome_message_opens_the_preferences_page_through_the_emulators_LIFF_app()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await using var app = StartEmbedded(database);
        using var sim = new HttpClient { BaseAddress = EmulatorOf(app).BaseUrl };
        var userId = (await (await sim.PostAsJsonAsync("/_sim/users", new { displayName = "平川 次郎" })).Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
        await sim.PostAsJsonAsync($"/_sim/users/{userId}/events", new { type = "follow" });
        var inbox = await Eventually.GetAsync(
            async () => (await sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/inbox"))!["messages"]!.AsArray(),
            messages => messages.Count > 1,
            "the welcome messages");
        var link = System.Text.RegularExpressions.Regex.Match(inbox[1]!["message"]!["text"]!.GetValue<string>(), @"https://liff\.line\.me/\S+").Value;

        var resolved = (await sim.GetFromJsonAsync<JsonObject>($"/_sim/liff/resolve?url={Uri.EscapeDataString(link)}"))!;
        var page = await app.CreateClient().GetAsync(new Uri(resolved["url"]!.GetValue<string>()).PathAndQuery);

        Assert.Equal("https://liff.line.me/hirakawa-staging-resident/preferences", link);
        Assert.Equal(("hirakawa-staging", "full"), (resolved["channelId"]!.GetValue<string>(), resolved["viewType"]!.GetValue<string>()));
        Assert.EndsWith("/r/hirakawa/staging/preferences", resolved["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("data-liff-id=\"hirakawa-staging-resident\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_LIFF_id_is_kept_and_registered_on_the_emulator()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await using var app = StartEmbedded(database, ("Tenants:hirakawa:staging:Line:LiffId", "hirakawa-staging-Ab12Cd34"));
        using var sim = new HttpClient { BaseAddress = EmulatorOf(app).BaseUrl };

        var resolved = await sim.GetFromJsonAsync<JsonObject>($"/_sim/liff/resolve?url={Uri.EscapeDataString("https://liff.line.me/hirakawa-staging-Ab12Cd34/preferences")}");
        var generated = await sim.GetAsync($"/_sim/liff/resolve?url={Uri.EscapeDataString("https://liff.line.me/hirakawa-staging-resident/preferences")}");

        Assert.Equal("hirakawa-staging-Ab12Cd34", app.Services.GetRequiredService<IConfiguration>()["Tenants:hirakawa:staging:Line:LiffId"]);
        Assert.EndsWith("/r/hirakawa/staging/preferences", resolved!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, generated.StatusCode);
    }

    private static SmartBranchApplication StartEmbedded(TestDatabase database, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Emulator:Url"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var app = new SmartBranchApplication(configuration, new CapturedLogs());
        app.StartServer();
        return app;
    }

    private static LineEmulator.LineEmulatorServer EmulatorOf(SmartBranchApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<EmbeddedLineEmulatorService>().Single().Emulator;
}
