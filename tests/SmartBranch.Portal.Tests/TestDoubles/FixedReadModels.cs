using Microsoft.AspNetCore.Components.Forms;
using SmartBranch.Kernel.Health;
using SmartBranch.Modules.Broadcast.Contracts;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Portal.Tests.TestDoubles;

internal sealed class FixedResidentStatistics(ResidentCounts counts) : IResidentStatistics
{
    public Task<ResidentCounts> CountAsync(CancellationToken cancellationToken) => Task.FromResult(counts);
}

internal sealed class FixedBroadcastStatistics(BroadcastDayCounts counts) : IBroadcastStatistics
{
    public Task<BroadcastDayCounts> CountTodayAsync(CancellationToken cancellationToken) => Task.FromResult(counts);
}

internal sealed class FixedTenantHealth : ITenantHealthQuery
{
    public List<EnvironmentHealth> Health { get; } = [];

    public List<EnvironmentMessageQuota> Quotas { get; } = [];

    public Task<IReadOnlyList<EnvironmentHealth>> GetAsync(string tenantSlug, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EnvironmentHealth>>(Health);

    public Task<IReadOnlyList<EnvironmentMessageQuota>> GetMessageQuotasAsync(string tenantSlug, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EnvironmentMessageQuota>>(Quotas);
}

/// <summary>Static forms render an antiforgery field; outside a request there is no real token to put in it.</summary>
internal sealed class FixedAntiforgery : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
}
