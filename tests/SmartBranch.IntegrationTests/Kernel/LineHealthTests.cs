using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Health;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;

namespace SmartBranch.IntegrationTests.Kernel;

/// <summary>What the console's health panel learns from LINE (the emulator): refused calls and this month's quota.</summary>
public sealed class LineHealthTests(SqliteTestBed fixture) : IClassFixture<SqliteTestBed>
{
    [Fact]
    public async Task A_revoked_token_found_by_the_connection_test_is_counted_as_a_401()
    {
        var bed = await fixture.GetAsync();
        await AdministerAsync(bed, async a =>
        {
            await a.CreateAsync(new NewTenant("mutsu", "むつテスト市", "Mutsu Test City", ["staging"]), CancellationToken.None);
            await a.UpdateLineChannelAsync("mutsu", "staging", new LineChannelInput(LineMode.Emulator, "2000000301", "00112233445566778899aabbccddeeff", "revoked-token", null, null, null, null), CancellationToken.None);
            return true;
        });

        var result = await AdministerAsync(bed, a => a.TestLineConnectionAsync("mutsu", "staging", CancellationToken.None));

        Assert.Equal(401, result.StatusCode);
        var health = await HealthAsync(bed, q => q.GetAsync("mutsu", CancellationToken.None));
        Assert.Equal([new LineApiFailureCount(401, 1, 1)], Assert.Single(health).LineApiFailures);
    }

    [Fact]
    public async Task The_quota_shows_this_months_use_and_a_push_over_the_limit_is_counted_as_a_429()
    {
        var bed = await fixture.GetAsync();
        var channel = LineTestBed.HirakawaProduction;
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(channel, userId, new JsonObject { ["type"] = "follow" });
        await bed.WaitUntilIdleAsync();
        var used = await UsedAsync(bed, channel);
        (await bed.EmulatorClient.PostAsJsonAsync($"/_sim/channels/{channel.ChannelId}/quota", new { limit = used + 5 })).EnsureSuccessStatusCode();

        for (var i = 0; i < 4; i++)
        {
            await PushAsync(bed, channel, userId);
        }

        var warning = Assert.Single(await HealthAsync(bed, q => q.GetMessageQuotasAsync("hirakawa", CancellationToken.None)), q => q.EnvironmentName == "production");
        Assert.Equal((MessageQuotaState.Warning, used + 5, used + 4), (warning.State, warning.Limit, warning.Used));

        await PushAsync(bed, channel, userId);
        var refused = await Assert.ThrowsAsync<LineApiException>(() => PushAsync(bed, channel, userId));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        var exhausted = Assert.Single(await HealthAsync(bed, q => q.GetMessageQuotasAsync("hirakawa", CancellationToken.None)), q => q.EnvironmentName == "production");
        Assert.Equal((MessageQuotaState.Exhausted, 100), (exhausted.State, exhausted.PercentUsed));
        var health = await HealthAsync(bed, q => q.GetAsync("hirakawa", CancellationToken.None));
        Assert.Contains(new LineApiFailureCount(429, 1, 1), Assert.Single(health, h => h.EnvironmentName == "production").LineApiFailures);
        (await bed.EmulatorClient.PostAsJsonAsync($"/_sim/channels/{channel.ChannelId}/quota", new { limit = (long?)null })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_unreachable_LINE_is_an_unavailable_quota_not_an_error_page()
    {
        var bed = await fixture.GetAsync();
        await AdministerAsync(bed, async a =>
        {
            await a.CreateAsync(new NewTenant("towada", "十和田テスト市", "Towada Test City", ["staging"]), CancellationToken.None);
            await a.UpdateLineChannelAsync("towada", "staging", new LineChannelInput(
                LineMode.Emulator, "2000000302", "00112233445566778899aabbccddeeff", "some-token",
                new Uri("http://127.0.0.1:9"), new Uri("http://127.0.0.1:9"), null, null), CancellationToken.None);
            return true;
        });

        var quotas = await HealthAsync(bed, q => q.GetMessageQuotasAsync("towada", CancellationToken.None));

        var quota = Assert.Single(quotas);
        Assert.Equal((MessageQuotaState.Unavailable, 0), (quota.State, quota.FailureStatusCode));
    }

    private static async Task<long> UsedAsync(LineTestBed bed, TestChannel channel) =>
        await bed.InTenantAsync(channel, async (_, services) => (await services.GetRequiredService<ILineMessagingClient>().GetMessageQuotaAsync()).Used);

    private static Task<LineSendResult> PushAsync(LineTestBed bed, TestChannel channel, string userId) =>
        bed.InTenantAsync(channel, (_, services) => services.GetRequiredService<ILineMessagingClient>()
            .PushAsync(userId, [new TextMessage("お知らせ")], Guid.NewGuid()));

    private static async Task<T> HealthAsync<T>(LineTestBed bed, Func<ITenantHealthQuery, Task<T>> query)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ITenantHealthQuery>());
    }

    private static async Task<T> AdministerAsync<T>(LineTestBed bed, Func<ITenantAdministration, Task<T>> work)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ITenantAdministration>());
    }
}
