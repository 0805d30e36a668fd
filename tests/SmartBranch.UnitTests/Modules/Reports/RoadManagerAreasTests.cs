using SmartBranch.Modules.Reports.Catalog;

namespace SmartBranch.UnitTests.Modules.Reports;

public sealed class RoadManagerAreasTests : IDisposable
{
    private static readonly RoadManager National = new("national", "国土交通省 青森河川国道事務所", RoadManagerKind.National, "#9910", "道路緊急ダイヤル", "kokudo@example.jp");
    private static readonly RoadManager Prefecture = new("pref", "青森県", RoadManagerKind.Prefectural, null, null, null);

    private readonly string _directory = Directory.CreateTempSubdirectory("road-managers-").FullName;

    [Theory]
    [InlineData(40.5000, 140.6150, true)] // on the centre line
    [InlineData(40.5002, 140.6150, true)] // about 22 m beyond its northern end
    [InlineData(40.5006, 140.6150, false)] // about 67 m beyond its end: outside the 30 m corridor
    [InlineData(40.5000, 140.6153, true)] // about 25 m east (a degree of longitude is shorter here)
    [InlineData(40.5000, 140.6160, false)] // about 85 m east
    public void A_centre_line_is_widened_by_its_buffer_in_metres(double latitude, double longitude, bool inside)
    {
        var areas = RoadManagerAreas.Parse(Collection(Line("national", "国道7号", 30, "[140.6150, 40.4900], [140.6150, 40.5000]")), [National]);

        var match = areas.At(latitude, longitude);

        Assert.Equal(inside, match is not null);
        if (inside)
        {
            Assert.Equal(("national", "国道7号"), (match!.Manager.Key, match.Road));
        }
    }

    [Fact]
    public void An_area_is_taken_as_drawn_and_the_first_feature_wins_where_areas_overlap()
    {
        var areas = RoadManagerAreas.Parse(
            Collection(
                Line("national", "国道102号", 30, "[140.60, 40.57], [140.62, 40.57]"),
                """{ "type": "Feature", "properties": { "manager": "pref", "road": "県道の区域" }, "geometry": { "type": "Polygon", "coordinates": [[[140.60, 40.56], [140.63, 40.56], [140.63, 40.58], [140.60, 40.58], [140.60, 40.56]]] } }"""),
            [National, Prefecture]);

        Assert.Equal("国道102号", areas.At(40.57, 140.61)!.Road);
        Assert.Equal("県道の区域", areas.At(40.575, 140.625)!.Road);
        Assert.Null(areas.At(40.59, 140.61));
    }

    [Fact]
    public void A_feature_with_mistakes_is_refused_with_every_mistake_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RoadManagerAreas.Parse(
            Collection(
                Line("city", "市道", 10, "[140.60, 40.57], [140.62, 40.57]"),
                Line("national", "", 10, "[140.60, 40.57], [140.62, 40.57]"),
                """{ "type": "Feature", "properties": { "manager": "national", "road": "国道7号" }, "geometry": { "type": "LineString", "coordinates": [[140.60, 40.57], [140.62, 40.57]] } }"""),
            [National]));

        Assert.Contains("feature 1: manager 'city' is not one of road-managers.yml", error.Message, StringComparison.Ordinal);
        Assert.Contains("feature 2: road (the road's name) is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("feature 3: a centre line needs bufferMetres", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("road", 40.5000, 140.6150, "mlit-aomori", "国道7号")]
    [InlineData("streetlight", 40.5780, 140.6500, "mlit-aomori", "国道102号")]
    [InlineData("road", 40.6100, 140.5600, "aomori-pref-chunan", "県道13号 弘前田舎館黒石線")]
    [InlineData("park", 40.5000, 140.6150, null, null)] // parks are the city's wherever they are
    [InlineData("road", 40.5841, 140.5668, null, null)] // 平川市役所: a city road
    public void Hirakawa_marks_road_categories_on_national_and_prefectural_roads(string category, double latitude, double longitude, string? manager, string? road)
    {
        var catalog = ReportCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        var match = catalog.RoadManagerAt(catalog.Category(category)!, latitude, longitude);

        Assert.Equal((manager, road), (match?.Manager.Key, match?.Road));
        Assert.Equal("道路緊急ダイヤル #9910", catalog.RoadManager("mlit-aomori")!.Contact);
    }

    [Fact]
    public void A_road_managers_file_without_its_areas_or_with_a_bad_manager_is_refused()
    {
        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.FileName), """
            departments:
              - key: doboku
                name: 土木課
            categories:
              - key: road
                nameJa: 道路の損傷
                nameEn: Road damage
                department: doboku
                roadManagers: true
            """);
        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.RoadManagersFileName), """
            managers:
              - key: national
                name: 国道事務所
                kind: federal
                email: not-an-address
            """);

        var error = Assert.Throws<InvalidOperationException>(() => ReportCatalogFiles.Load(_directory));

        Assert.Contains("kind 'federal' must be national, prefectural or municipal", error.Message, StringComparison.Ordinal);
        Assert.Contains("email 'not-an-address' is not an e-mail address", error.Message, StringComparison.Ordinal);
        Assert.Contains("road-managers.geojson is missing", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Collection(params string[] features) => $$"""{ "type": "FeatureCollection", "features": [{{string.Join(",", features)}}] }""";

    private static string Line(string manager, string road, double bufferMetres, string coordinates) =>
        $$"""{ "type": "Feature", "properties": { "manager": "{{manager}}", "road": "{{road}}", "bufferMetres": {{bufferMetres}} }, "geometry": { "type": "LineString", "coordinates": [{{coordinates}}] } }""";
}
