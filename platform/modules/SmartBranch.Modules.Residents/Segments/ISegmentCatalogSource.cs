using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Modules.Residents.Segments;

/// <summary>
/// Where a tenant environment's segment catalogue comes from. Today the tenant's files
/// (<see cref="SegmentCatalogFiles"/>); once staff edit the catalogue in the portal and promote it from staging
/// to production, a database-backed source takes precedence over the files behind this same interface.
/// </summary>
internal interface ISegmentCatalogSource
{
    SegmentCatalogDefinition For(TenantContext tenant);
}
