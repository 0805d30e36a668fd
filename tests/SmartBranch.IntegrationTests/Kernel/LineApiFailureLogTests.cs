using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Health;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.IntegrationTests.Kernel;

/// <summary>LINE's refusals of a tenant's calls, counted for the console over 24 hours and 7 days, then forgotten.</summary>
public sealed class LineApiFailureLogTests : IAsyncLifetime
{
    private KernelHarness _kernel = null!;

    public async ValueTask InitializeAsync() => _kernel = await KernelHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _kernel.DisposeAsync();

    [Fact]
    public async Task Failures_are_counted_per_environment_and_status_over_a_day_and_a_week_and_pruned_after_a_week()
    {
        var log = _kernel.Services.GetRequiredService<LineApiFailureLog>();
        await log.RecordAsync("hirakawa", "production", "push", HttpStatusCode.Unauthorized);
        _kernel.Clock.Advance(TimeSpan.FromDays(2));
        await log.RecordAsync("hirakawa", "production", "push", HttpStatusCode.Unauthorized);
        await log.RecordAsync("hirakawa", "production", "multicast", HttpStatusCode.TooManyRequests);
        await log.RecordAsync("hirakawa", "staging", "bot-info", 0);
        await log.RecordAsync("other", "production", "push", HttpStatusCode.Unauthorized);
        _kernel.Clock.Advance(TimeSpan.FromDays(6));
        await log.RecordAsync("hirakawa", "production", "reply", HttpStatusCode.ServiceUnavailable);

        var health = await _kernel.InScopeAsync(s => s.GetRequiredService<ITenantHealthQuery>().GetAsync("hirakawa", CancellationToken.None));

        var production = Assert.Single(health, h => h.EnvironmentName == "production");
        Assert.Equal([new(401, 0, 1), new(429, 0, 1), new(503, 1, 1)], production.LineApiFailures);
        Assert.Equal([new LineApiFailureCount(0, 0, 1)], Assert.Single(health, h => h.EnvironmentName == "staging").LineApiFailures);
        var kept = await _kernel.InScopeAsync(s => s.GetRequiredService<SmartBranchDbContext>().LineApiFailures.CountAsync());
        Assert.Equal(5, kept);
    }
}
