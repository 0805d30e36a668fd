using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Server.Persistence;

internal static class DatabaseStartup
{
    /// <summary>Applies pending migrations (unless <c>Database:MigrateOnStartup</c> is false) and records the tenants.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await app.Services.MigrateDatabaseAsync(cancellationToken);
        }

        await app.Services.SynchronizeTenantsAsync(cancellationToken);
    }

    /// <summary>
    /// Brings the schema up to date. EF Core takes a database lock while migrating, so several
    /// processes starting at once are safe.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets the webhook endpoint write while workers read.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
