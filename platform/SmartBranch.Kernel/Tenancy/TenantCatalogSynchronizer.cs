using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>At start-up: records the tenants defined in files in the database, then loads the catalog's database part.</summary>
public static class TenantCatalogSynchronizer
{
    public static async Task SynchronizeTenantsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var catalog = scope.ServiceProvider.GetRequiredService<TenantCatalog>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

            var records = await db.TenantRecords.ToDictionaryAsync(t => t.Slug, cancellationToken);
            foreach (var file in catalog.Files)
            {
                if (!records.TryGetValue(file.Slug, out var record))
                {
                    record = db.TenantRecords.Add(new TenantRecord { Slug = file.Slug, Status = TenantStatus.Active, CreatedAt = now, UpdatedAt = now }).Entity;
                }

                record.Name = file.Name;
                record.NameEn = file.NameEn;
                record.Environments = string.Join(',', file.Environments);
                record.IsDefinedInFiles = true;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await services.GetRequiredService<TenantCatalogRefresher>().RefreshAsync(cancellationToken);
    }
}
