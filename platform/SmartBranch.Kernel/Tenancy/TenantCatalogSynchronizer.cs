using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>Records tenants defined in files in the database, and loads each tenant's status from it.</summary>
public static class TenantCatalogSynchronizer
{
    public static async Task SynchronizeTenantsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<TenantCatalog>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var records = await db.TenantRecords.ToDictionaryAsync(t => t.Slug, cancellationToken);
        foreach (var tenant in catalog.Tenants.Where(t => !records.ContainsKey(t.Slug)))
        {
            var record = new TenantRecord { Slug = tenant.Slug, Status = TenantStatus.Active, CreatedAt = now, UpdatedAt = now };
            db.TenantRecords.Add(record);
            records[tenant.Slug] = record;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var record in records.Values)
        {
            catalog.SetStatus(record.Slug, record.Status);
        }
    }
}
