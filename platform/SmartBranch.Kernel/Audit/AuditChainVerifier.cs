using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Audit;

/// <param name="Sequence">The first entry that is missing or does not match.</param>
public sealed record AuditChainBreak(string Chain, long Sequence, string Reason);

public sealed record AuditChainVerification(int ChainsChecked, long EntriesChecked, AuditChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;

    public override string ToString() => FirstBreak is { } broken
        ? $"監査ログの改ざんを検出しました: チェーン {broken.Chain} の {broken.Sequence} 番 — {broken.Reason}（{EntriesChecked} 件を確認）"
        : $"監査ログは改ざんされていません（{ChainsChecked} チェーン、{EntriesChecked} 件）。";
}

/// <summary>
/// Recomputes every chain from its first entry and reports the first entry that was changed,
/// removed or put out of order. (Removing a chain's newest entries leaves a shorter valid chain;
/// the count at the last verification is what shows that.)
/// </summary>
public sealed class AuditChainVerifier(SmartBranchDbContext db)
{
    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken) => VerifyAsync(db.AuditEntries, cancellationToken);

    /// <summary>One chain only: a tenant's (its slug) or the platform's.</summary>
    public Task<AuditChainVerification> VerifyChainAsync(string chain, CancellationToken cancellationToken) =>
        VerifyAsync(db.AuditEntries.Where(e => e.Chain == chain), cancellationToken);

    private static async Task<AuditChainVerification> VerifyAsync(IQueryable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var chains = 0;
        var checkedEntries = 0L;
        string? chain = null;
        var expectedSequence = 0L;
        var previousHash = AuditEntryHash.Genesis;

        await foreach (var entry in entries.AsNoTracking()
                           .OrderBy(e => e.Chain).ThenBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Chain != chain)
            {
                chain = entry.Chain;
                chains++;
                expectedSequence = 1;
                previousHash = AuditEntryHash.Genesis;
            }

            var reason = entry.Sequence != expectedSequence ? "この番号の記録が削除されています。"
                : entry.PreviousHash != previousHash ? "直前の記録とのつながり（ハッシュ）が一致しません。"
                : AuditEntryHash.Compute(entry) != entry.Hash ? "記録の内容が変更されています。"
                : null;
            if (reason is not null)
            {
                return new AuditChainVerification(chains, checkedEntries, new AuditChainBreak(chain, expectedSequence, reason));
            }

            checkedEntries++;
            expectedSequence++;
            previousHash = entry.Hash;
        }

        return new AuditChainVerification(chains, checkedEntries, null);
    }
}
