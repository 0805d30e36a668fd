using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Modules.Applications.Catalog;

/// <summary>The current tenant environment's effective catalogue: its file with the fees staff stored for the environment.</summary>
public sealed class ApplicationCatalogs
{
    private readonly ApplicationCatalogFiles _files;
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentTenant _tenant;

    internal ApplicationCatalogs(ApplicationCatalogFiles files, SmartBranchDbContext db, ICurrentTenant tenant)
    {
        _files = files;
        _db = db;
        _tenant = tenant;
    }

    /// <summary>The file alone, without stored fees: what the file says, for staff to compare with.</summary>
    public ApplicationCatalog FileCatalog => _files.For(_tenant.Required.Tenant);

    public async Task<ApplicationCatalog> EffectiveAsync(CancellationToken cancellationToken)
    {
        var overrides = await _db.Set<ApplicationFeeOverride>().AsNoTracking().ToListAsync(cancellationToken);
        return FileCatalog.WithOverrides(overrides);
    }
}
