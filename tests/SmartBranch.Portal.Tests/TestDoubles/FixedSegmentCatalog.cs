using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Portal.Tests.TestDoubles;

internal sealed class FixedSegmentCatalog : ISegmentCatalog
{
    public static readonly IReadOnlyList<SegmentAttribute> Attributes =
    [
        new("area", "地区", "Area", false, [new("hiraka", "平賀", "Hiraka"), new("onoe", "尾上", "Onoe")]),
        new("topic", "関心のある分野", "Topics", true, [new("disaster", "防災", "Disaster prevention")]),
    ];

    public Task<IReadOnlyList<SegmentAttribute>> GetAttributesAsync(CancellationToken cancellationToken) => Task.FromResult(Attributes);
}
