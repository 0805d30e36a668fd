using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Residents.Segments;

internal sealed class SegmentCatalog(ISegmentCatalogSource source, ICurrentTenant currentTenant) : ISegmentCatalog
{
    public Task<IReadOnlyList<SegmentAttribute>> GetAttributesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(source.For(currentTenant.Required).Attributes);
}
