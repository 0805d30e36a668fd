using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Residents.Segments;

internal sealed class SegmentCatalog(ISegmentCatalogSource source, ICurrentTenant currentTenant) : ISegmentCatalog
{
    public async Task<IReadOnlyList<SegmentAttribute>> GetAttributesAsync(CancellationToken cancellationToken) =>
        (await source.ForAsync(currentTenant.Required, cancellationToken)).Attributes;
}
