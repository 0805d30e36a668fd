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
        await using var app = new SmartBranchApplication(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = database.ConnectionString,
                ["Emulator:Url"] = "http://127.0.0.1:0",
            },
            new CapturedLogs());
        app.StartServer();
        var emulator = app.Services.GetServices<IHostedService>().OfType<EmbeddedLineEmulatorService>().Single().Emulator;
        using var sim = new HttpClient { BaseAddress = emulator.BaseUrl };

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
}
