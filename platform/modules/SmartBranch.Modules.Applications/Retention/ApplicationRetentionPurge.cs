using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Retention;

/// <summary>
/// Erases the personal fields of applications whose retention period is over (counted from 発送済 or 却下), in every
/// tenant environment, keeping the receipt number, type, dates, amounts and status for statistics. Each erasure is its
/// own commit and audited as the system's action. Safe with two workers: the scheduler runs one firing on one worker,
/// and should two runs meet, the application's concurrency token lets only one of them erase and audit it.
/// </summary>
internal sealed partial class ApplicationRetentionPurge(
    SmartBranchDbContext db, ITenantScopeFactory tenantScopes, TimeProvider clock, ILogger<ApplicationRetentionPurge> logger)
{
    public const string JobName = "applications-retention-purge";
    private const int BatchSize = 200;

    /// <returns>How many applications were purged.</returns>
    public async Task<int> PurgeDueAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        while (true)
        {
            var due = await DueAsync(BatchSize, cancellationToken);
            var purgedNow = 0;
            foreach (var (id, tenant, environment) in due)
            {
                purgedNow += await PurgeAsync(id, tenant, environment, cancellationToken) ? 1 : 0;
            }

            purged += purgedNow;
            if (due.Count < BatchSize || purgedNow == 0)
            {
                return purged;
            }
        }
    }

    /// <summary>Whether a worker starting up should purge at once (the server was down at the job's time).</summary>
    public async Task<bool> AnyDueAsync(CancellationToken cancellationToken) => (await DueAsync(1, cancellationToken)).Count > 0;

    private async Task<List<(Guid Id, string Tenant, string Environment)>> DueAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // The job serves every tenant, so it reads past the tenant filter; each erasure then runs in its tenant's scope.
        var rows = await db.Set<ResidentApplication>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.PersonalDataPurgedAt == null && a.PurgeDueAt != null && a.PurgeDueAt <= now)
            .OrderBy(a => a.PurgeDueAt)
            .Take(count)
            .Select(a => new { a.Id, a.TenantSlug, a.EnvironmentName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.TenantSlug, r.EnvironmentName)).ToList();
    }

    private async Task<bool> PurgeAsync(Guid id, string tenant, string environment, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = tenantScopes.CreateScope(tenant, environment);
            var tenantDb = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var application = await tenantDb.Set<ResidentApplication>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (application is not { PersonalDataPurgedAt: null })
            {
                return false;
            }

            application.PurgePersonalData(clock.GetUtcNow());
            await tenantDb.SaveChangesAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(
                new AuditRecord("applications.application.purged", "application", id.ToString(),
                    $"申請 {application.ReceiptNumber} の個人情報を保存期間経過により削除しました（受付番号・種類・日付・金額・状況は残ります）。"),
                cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run erased it first, or staff touched it meanwhile: the next run sees which.
            return false;
        }
        catch (TenantNotFoundException e)
        {
            LogTenantGone(id, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId} is due for its purge, but its tenant environment no longer exists.")]
    private partial void LogTenantGone(Guid applicationId, Exception exception);
}
