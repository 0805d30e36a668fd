using System.Text.Json;
using SmartBranch.Modules.Residents.Audience;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.UnitTests.Modules.Residents;

public sealed class SegmentResidentsTests
{
    private static readonly SegmentCatalogDefinition Catalog = SegmentCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

    private readonly Resident _disasterInHiraka = Resident.Follow("U1", DateTimeOffset.UnixEpoch);
    private readonly Resident _disasterInOnoe = Resident.Follow("U2", DateTimeOffset.UnixEpoch);
    private readonly Resident _eventsInHiraka = Resident.Follow("U3", DateTimeOffset.UnixEpoch);
    private readonly Resident _nothing = Resident.Follow("U4", DateTimeOffset.UnixEpoch);
    private readonly List<ResidentAttributeValue> _values;

    public SegmentResidentsTests() => _values =
    [
        new(_disasterInHiraka.Id, "topic", "disaster"),
        new(_disasterInHiraka.Id, "topic", "childcare"),
        new(_disasterInHiraka.Id, "area", "hiraka"),
        new(_disasterInOnoe.Id, "topic", "disaster"),
        new(_disasterInOnoe.Id, "area", "onoe"),
        new(_eventsInHiraka.Id, "topic", "events"),
        new(_eventsInHiraka.Id, "area", "hiraka"),
    ];

    [Fact]
    public void An_attribute_matches_residents_who_registered_any_of_its_values()
    {
        Assert.Equal(["U1", "U2", "U3"], Matching(new AttributeIn("topic", ["disaster", "events"])));
        Assert.Equal(["U2"], Matching(new AttributeIn("area", ["onoe"])));
    }

    [Fact]
    public void AllOf_is_an_intersection_and_AnyOf_a_union()
    {
        Assert.Equal(["U1"], Matching(new AllOf([new AttributeIn("topic", ["disaster"]), new AttributeIn("area", ["hiraka"])])));
        Assert.Equal(["U1", "U2", "U3"], Matching(new AnyOf([new AttributeIn("topic", ["disaster"]), new AttributeIn("area", ["hiraka"])])));
        Assert.Equal(["U1", "U3"], Matching(new AllOf(
        [
            new AttributeIn("area", ["hiraka"]),
            new AnyOf([new AttributeIn("topic", ["childcare"]), new AttributeIn("topic", ["events"])]),
        ])));
    }

    [Fact]
    public void A_resident_who_registered_nothing_matches_no_condition()
    {
        Assert.DoesNotContain("U4", Matching(new AnyOf([new AttributeIn("topic", ["disaster", "events", "childcare"]), new AttributeIn("area", ["hiraka", "onoe"])])));
    }

    [Fact]
    public void Keys_the_catalogue_does_not_have_are_errors_not_empty_audiences()
    {
        var attribute = Assert.Throws<ArgumentException>(() => Matching(new AttributeIn("hobby", ["fishing"])));
        var value = Assert.Throws<ArgumentException>(() => Matching(new AllOf([new AttributeIn("area", ["tokyo"])])));

        Assert.Contains("'hobby'", attribute.Message, StringComparison.Ordinal);
        Assert.Contains("'tokyo'", value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_conditions_and_overly_deep_trees_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Matching(new AllOf([])));
        Assert.Throws<ArgumentException>(() => Matching(new AnyOf([new AttributeIn("topic", [])])));
        SegmentExpression deep = new AttributeIn("topic", ["disaster"]);
        for (var i = 0; i < SegmentResidents.MaxDepth; i++)
        {
            deep = new AllOf([deep]);
        }

        Assert.Throws<ArgumentException>(() => Matching(deep));
    }

    [Fact]
    public void A_condition_stored_as_JSON_reads_back_the_same()
    {
        SegmentExpression segment = new AllOf([new AttributeIn("topic", ["disaster"]), new AnyOf([new AttributeIn("area", ["hiraka", "onoe"])])]);

        var json = JsonSerializer.Serialize(segment);
        var read = JsonSerializer.Deserialize<SegmentExpression>(json)!;

        Assert.Contains("\"type\":\"all\"", json, StringComparison.Ordinal);
        Assert.Equal(Matching(segment), Matching(read));
    }

    private List<string> Matching(SegmentExpression segment)
    {
        var ids = SegmentResidents.Ids(segment, _values.AsQueryable(), Catalog).ToHashSet();
        return new[] { _disasterInHiraka, _disasterInOnoe, _eventsInHiraka, _nothing }.Where(r => ids.Contains(r.Id)).Select(r => r.LineUserId).ToList();
    }
}
