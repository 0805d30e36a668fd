using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Segments.Editing;

namespace SmartBranch.Modules.Residents.Segments;

/// <summary>The environment's catalogue as edited or promoted in the portal, else the tenant's files.</summary>
internal sealed class StoredSegmentCatalogs(SmartBranchDbContext db, SegmentCatalogFiles files) : ISegmentCatalogSource
{
    public async Task<SegmentCatalogDefinition> ForAsync(TenantContext tenant, CancellationToken cancellationToken) =>
        (await FindEditableAsync(db, cancellationToken))?.ToDefinition() ?? files.For(tenant);

    /// <summary>The stored version of <paramref name="db"/>'s tenant environment, or null when the files still rule.</summary>
    internal static async Task<EditableSegmentCatalog?> FindEditableAsync(SmartBranchDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.Set<SegmentCatalogVersion>().AsNoTracking().Select(v => v.CatalogJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : EditableSegmentCatalog.Deserialize(json);
    }
}
