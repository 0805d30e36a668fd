using SmartBranch.Kernel.TrainingReset;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Records the resets asked for and answers with fixed counts, or with the service's refusal when told to.</summary>
internal sealed class FakeStagingDataReset : IStagingDataReset
{
    public List<(string Tenant, string Environment, StagingResetOptions Options, string Reason)> Calls { get; } = [];

    public string? Refusal { get; set; }

    public DeletedMediaFiles MediaFiles { get; set; } = new(Deleted: 3, Left: 0);

    public Task<StagingResetResult> ResetAsync(
        string tenantSlug, string environmentName, StagingResetOptions options, string reason, CancellationToken cancellationToken)
    {
        if (Refusal is not null)
        {
            throw new StagingResetException(Refusal);
        }

        Calls.Add((tenantSlug, environmentName, options, reason));
        return Task.FromResult(new StagingResetResult(
            [new ErasedRows("住民（友だち）", "Residents (friends)", 34), new ErasedRows("配信", "Deliveries", 7)], DemoResidents: 20, EmulatorFriends: true,
            MediaFiles));
    }
}
