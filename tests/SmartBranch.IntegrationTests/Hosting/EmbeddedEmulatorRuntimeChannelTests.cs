using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.LineEmulator;

namespace SmartBranch.IntegrationTests.Hosting;

/// <summary>A city an operator onboards in the console on the embedded default works on the built-in emulator at once.</summary>
public sealed class EmbeddedEmulatorRuntimeChannelTests : IAsyncLifetime
{
    private const string ChannelId = "2000000201";

    private EmbeddedEmulatorTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await EmbeddedEmulatorTestBed.StartAsync();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private LineEmulatorServer Emulator => _bed.Emulator;

    private HttpClient Sim => _bed.Sim;

    [Fact]
    public async Task A_channel_created_in_the_console_receives_webhooks_and_its_replies_reach_the_resident()
    {
        await AdministerAsync(async a =>
        {
            await a.CreateAsync(new NewTenant("kuroishi", "黒石市", "Kuroishi City", ["staging"]), CancellationToken.None);
            await a.UpdateLineChannelAsync("kuroishi", "staging", Channel("0123456789abcdef0123456789abcdef", "kuroishi-token-1"), CancellationToken.None);
        });

        var channels = (await Sim.GetFromJsonAsync<JsonObject>("/_sim/channels"))!["channels"]!.AsArray();
        var registered = Assert.Single(channels, c => c!["channelId"]!.GetValue<string>() == ChannelId)!;
        Assert.EndsWith("/line/kuroishi/staging/webhook", registered["webhookUrl"]!.GetValue<string>(), StringComparison.Ordinal);

        var userId = (await (await Sim.PostAsJsonAsync("/_sim/users", new { displayName = "黒石 花子" })).Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
        var follow = await (await Sim.PostAsJsonAsync($"/_sim/users/{userId}/events", new { type = "follow", channelId = ChannelId })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, follow!["webhookStatus"]!.GetValue<int>());
        var inbox = await Eventually.GetAsync(
            async () => (await Sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/inbox"))!["messages"]!.AsArray(),
            messages => messages.Count > 0,
            "the welcome message");
        Assert.Contains("黒石市", inbox[0]!["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_changed_in_the_console_is_the_one_the_emulator_accepts()
    {
        await AdministerAsync(async a =>
        {
            await a.CreateAsync(new NewTenant("kuroishi", "黒石市", "Kuroishi City", ["staging"]), CancellationToken.None);
            await a.UpdateLineChannelAsync("kuroishi", "staging", Channel("0123456789abcdef0123456789abcdef", "kuroishi-token-1"), CancellationToken.None);
            await a.UpdateLineChannelAsync("kuroishi", "staging", Channel(null, "kuroishi-token-2"), CancellationToken.None);
        });

        var test = await AdministerAsync(a => a.TestLineConnectionAsync("kuroishi", "staging", CancellationToken.None));

        Assert.True(test.Succeeded, test.Message);
        using var oldToken = new HttpClient { BaseAddress = Emulator.BaseUrl };
        oldToken.DefaultRequestHeaders.Authorization = new("Bearer", "kuroishi-token-1");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await oldToken.GetAsync("/v2/bot/info")).StatusCode);
    }

    private static LineChannelInput Channel(string? secret, string token) =>
        new(LineMode.Emulator, ChannelId, secret, token, null, null, null, null);

    private async Task AdministerAsync(Func<ITenantAdministration, Task> work) =>
        await AdministerAsync(async a =>
        {
            await work(a);
            return true;
        });

    private async Task<T> AdministerAsync<T>(Func<ITenantAdministration, Task<T>> work)
    {
        await using var scope = _bed.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ITenantAdministration>());
    }
}
