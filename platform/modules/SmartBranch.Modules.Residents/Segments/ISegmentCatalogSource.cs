using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Modules.Residents.Segments;

/// <summary>
/// Where a tenant environment's segment catalogue comes from: the version edited in the portal and stored in the
/// database when there is one, else the tenant's files (<see cref="SegmentCatalogFiles"/>), which are the seed.
/// </summary>
internal interface ISegmentCatalogSource
{
    Task<SegmentCatalogDefinition> ForAsync(TenantContext tenant, CancellationToken cancellationToken);
}
