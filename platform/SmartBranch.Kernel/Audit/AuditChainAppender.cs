using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Audit;

/// <summary>
/// Appends an entry to the end of its chain, safely across processes and providers: read the last
/// entry, insert the next sequence number, and if another writer took that number first (the
/// (chain, sequence) key refuses the second), read the new end and try again. Each attempt has a
/// context of its own, so an append never commits the caller's unsaved changes.
/// </summary>
internal sealed class AuditChainAppender(IServiceScopeFactory scopeFactory)
{
    private const int MaxAttempts = 30;

    public async Task AppendAsync(Func<AuditEntry> draft, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var entry = draft();
            var last = await db.AuditEntries
                .Where(e => e.Chain == entry.Chain)
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            entry.Sequence = (last?.Sequence ?? 0) + 1;
            entry.PreviousHash = last?.Hash ?? AuditEntryHash.Genesis;
            entry.Hash = AuditEntryHash.Compute(entry);
            db.AuditEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Spread the losers out so they do not collide again on the next number.
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, 5 * attempt)), cancellationToken);
            }
        }
    }
}
