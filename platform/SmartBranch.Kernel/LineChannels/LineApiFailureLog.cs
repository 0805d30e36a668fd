using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>
/// Records LINE's refusals of a tenant's calls in the database, so the console counts every
/// process's. Each record is written in a context of its own, so it never commits the caller's
/// pending changes; rows older than <see cref="Retention"/> are deleted, at most hourly per process.
/// A failure to record is logged and swallowed: the caller's own LINE error is what matters.
/// </summary>
internal sealed partial class LineApiFailureLog(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<LineApiFailureLog> logger)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private long _nextPruneTicks;

    public async Task RecordAsync(string tenantSlug, string environmentName, string operation, HttpStatusCode statusCode)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            db.LineApiFailures.Add(new LineApiFailureRecord
            {
                Id = Guid.CreateVersion7(now),
                TenantSlug = tenantSlug,
                EnvironmentName = environmentName,
                StatusCode = (int)statusCode,
                Operation = operation,
                OccurredAt = now,
            });
            // Not the caller's token: the call already failed, and a cancelled caller's failure still counts.
            await db.SaveChangesAsync(CancellationToken.None);
            await PruneIfDueAsync(db, now);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogRecordFailed(e, tenantSlug, environmentName, (int)statusCode);
        }
    }

    private async Task PruneIfDueAsync(SmartBranchDbContext db, DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneInterval).UtcTicks, due) != due)
        {
            return;
        }

        var cutoff = now - Retention;
        await using (await db.BeginWriteAsync(CancellationToken.None))
        {
            await db.LineApiFailures.Where(f => f.OccurredAt < cutoff).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a LINE API failure ({StatusCode}) of {TenantSlug}/{EnvironmentName}.")]
    private partial void LogRecordFailed(Exception exception, string tenantSlug, string environmentName, int statusCode);
}
