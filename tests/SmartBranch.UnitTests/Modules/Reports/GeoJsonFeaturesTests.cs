using NetTopologySuite.Geometries;
using SmartBranch.Modules.Reports.Catalog;

namespace SmartBranch.UnitTests.Modules.Reports;

public sealed class GeoJsonFeaturesTests
{
    private const string Square = """{ "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }""";

    [Fact]
    public void A_collection_gives_each_feature_its_number_geometry_and_properties_as_text()
    {
        var features = GeoJsonFeatures.Read($$"""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": " 尾上 ", "bufferMetres": 12.5, "main": true, "note": null, "tags": ["a"] }, "geometry": {{Square}} },
              { "type": "Feature", "properties": null, "geometry": { "type": "LineString", "coordinates": [[0, 0], [1, 1]] } } ] }
            """);

        Assert.Equal([1, 2], features.Select(f => f.Number));
        var first = features[0];
        Assert.True(first.IsArea);
        Assert.Equal(("尾上", 12.5, "true", "[\"a\"]"), (first.Text("name"), first.Numeric("bufferMetres"), first.Text("main"), first.Text("tags")));
        Assert.Null(first.Text("note"));
        Assert.Null(first.Numeric("name"));
        Assert.IsType<LineString>(features[1].Geometry);
        Assert.False(features[1].IsArea);
        Assert.Empty(features[1].Properties);
    }

    [Fact]
    public void A_single_feature_or_a_bare_geometry_reads_as_one_feature()
    {
        var feature = Assert.Single(GeoJsonFeatures.Read($$"""{ "type": "Feature", "properties": { "name": "平川" }, "geometry": {{Square}} }"""));
        Assert.Equal(("平川", true), (feature.Text("name"), feature.IsArea));

        var bare = Assert.Single(GeoJsonFeatures.Read(Square));
        Assert.True(bare.IsArea);
        Assert.Empty(bare.Properties);
    }

    [Fact]
    public void A_self_crossing_polygon_is_read_but_is_not_an_area()
    {
        var bowTie = Assert.Single(GeoJsonFeatures.Read("""{ "type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }"""));

        Assert.False(bowTie.IsArea);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "the top level must be an object with a \"type\"")]
    [InlineData("""{ "type": "FeatureCollection" }""", "no \"features\" array")]
    [InlineData("""{ "type": "FeatureCollection", "features": [] }""", "holds no features")]
    [InlineData("""{ "type": "FeatureCollection", "features": [{ "type": "Feature", "geometry": null }, { "type": "Point" }] }""", "feature 2: not a GeoJSON Feature")]
    [InlineData("""{ "type": "FeatureCollection", "features": [{ "type": "Feature", "geometry": { "type": "Polygon", "coordinates": "here" } }] }""", "feature 1: the geometry is not a valid GeoJSON geometry")]
    [InlineData("""{ "type": "Circle", "radius": 5 }""", "the geometry is not a valid GeoJSON geometry")]
    public void A_bad_file_is_refused_saying_what_and_where(string geoJson, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => GeoJsonFeatures.Read(geoJson));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_three_tenant_files_name_the_bad_feature_in_their_errors()
    {
        const string OnePoint = """{ "type": "FeatureCollection", "features": [{ "type": "Feature", "properties": { "name": "尾上", "manager": "mlit", "road": "国道7号" }, "geometry": { "type": "Point", "coordinates": [0, 0] } }] }""";
        var managers = new[] { new RoadManager("mlit", "国土交通省", RoadManagerKind.National, null, null, null) };

        Assert.Contains("feature 1 is not", Assert.Throws<InvalidOperationException>(() => CityBoundary.Parse(OnePoint)).Message, StringComparison.Ordinal);
        Assert.Contains("feature 1: the geometry must be one valid Polygon", Assert.Throws<InvalidOperationException>(() => ReportDistricts.Parse(OnePoint)).Message, StringComparison.Ordinal);
        Assert.Contains("feature 1: the geometry must be a valid Polygon", Assert.Throws<InvalidOperationException>(() => RoadManagerAreas.Parse(OnePoint, managers)).Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", Assert.Throws<InvalidOperationException>(() => RoadManagerAreas.Parse("{", managers)).Message, StringComparison.Ordinal);
    }
}
