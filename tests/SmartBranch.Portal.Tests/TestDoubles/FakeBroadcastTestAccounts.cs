using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.TestSend;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Test recipients a test sets up, codes issued at a fixed time, and refusals it chooses.</summary>
internal sealed class FakeBroadcastTestAccounts : IBroadcastTestAccounts, IBroadcastTestSends
{
    public static readonly DateTimeOffset CodeExpiresAt = new(2026, 4, 1, 1, 10, 0, TimeSpan.Zero);

    public List<BroadcastTestAccountEntry> Accounts { get; } = [];

    public List<Guid> TestSent { get; } = [];

    public string? Refusal { get; set; }

    public Task<BroadcastTestAccountCodeIssued> IssueCodeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new BroadcastTestAccountCodeIssued("K7QP-M2XD", CodeExpiresAt));

    public Task<IReadOnlyList<BroadcastTestAccountEntry>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BroadcastTestAccountEntry>>([.. Accounts]);

    public Task RemoveAsync(Guid testAccountId, CancellationToken cancellationToken)
    {
        ThrowIfRefused();
        Accounts.RemoveAll(a => a.Id == testAccountId);
        return Task.CompletedTask;
    }

    public Task<int> SendAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        ThrowIfRefused();
        TestSent.Add(deliveryId);
        return Task.FromResult(Accounts.Count);
    }

    public static BroadcastTestAccountEntry Account(string lineName, string staffId, string staffName, bool own) =>
        new(Guid.NewGuid(), lineName, staffId, staffName, new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero), own);

    private void ThrowIfRefused()
    {
        if (Refusal is not null)
        {
            throw new BroadcastRuleException(Refusal);
        }
    }
}
