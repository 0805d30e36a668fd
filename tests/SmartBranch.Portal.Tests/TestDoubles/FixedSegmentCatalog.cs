using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Hirakawa's topics and districts, as its segments.yml has them.</summary>
internal sealed class FixedSegmentCatalog : ISegmentCatalog
{
    public static readonly IReadOnlyList<SegmentAttribute> Attributes =
    [
        new("topic", "受け取りたい情報", "Topics", true,
            [new("disaster", "防災・災害", "Disaster prevention"), new("childcare", "子育て・教育", "Childcare and education"), new("events", "観光・イベント", "Tourism and events")]),
        new("area", "お住まいの地区", "District", false,
            [new("hiraka", "平賀地区", "Hiraka"), new("onoe", "尾上地区", "Onoe"), new("ikarigaseki", "碇ヶ関地区", "Ikarigaseki")]),
    ];

    public Task<IReadOnlyList<SegmentAttribute>> GetAttributesAsync(CancellationToken cancellationToken) => Task.FromResult(Attributes);
}
