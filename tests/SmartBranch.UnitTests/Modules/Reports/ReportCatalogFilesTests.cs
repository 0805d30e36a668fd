using SmartBranch.Modules.Reports.Catalog;

namespace SmartBranch.UnitTests.Modules.Reports;

public sealed class ReportCatalogFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reports-catalog-").FullName;

    [Fact]
    public void Hirakawa_offers_its_seven_categories_each_routed_to_a_department_with_an_address()
    {
        var catalog = ReportCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        Assert.Equal(["道路の損傷", "街灯", "公園・遊具", "河川・水路", "不法投棄", "動物の死骸", "その他"], catalog.Categories.Select(c => c.NameJa));
        Assert.Equal("土木課", catalog.Department(catalog.Category("road")!.DepartmentKey)!.Name);
        Assert.Equal("生活環境課", catalog.Department(catalog.Category("dumping")!.DepartmentKey)!.Name);
        Assert.All(catalog.Categories, c => Assert.NotNull(catalog.Department(c.DepartmentKey)?.Email));
    }

    [Theory]
    [InlineData(40.5841, 140.5668, true)] // 平川市役所
    [InlineData(40.4777, 140.6216, true)] // 碇ヶ関
    [InlineData(40.6031, 140.4640, false)] // 弘前市役所
    [InlineData(40.5177, 140.5677, false)] // 大鰐町役場, in the bend of the city's western border
    [InlineData(40.6429, 140.5947, false)] // 黒石市役所
    [InlineData(35.6812, 139.7671, false)] // 東京駅
    public void Hirakawas_boundary_tells_places_in_the_city_from_its_neighbours(double latitude, double longitude, bool inside)
    {
        var catalog = ReportCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        Assert.Equal(inside, catalog.Boundary!.Contains(latitude, longitude));
    }

    [Theory]
    [InlineData(40.5841, 140.5668, "平賀")] // 平川市役所
    [InlineData(40.6157, 140.5750, "尾上")] // 尾上地区
    [InlineData(40.4777, 140.6216, "碇ヶ関")] // 碇ヶ関
    [InlineData(35.6812, 139.7671, null)] // 東京駅
    public void Hirakawas_districts_name_the_former_town_a_place_is_in(double latitude, double longitude, string? district)
    {
        var catalog = ReportCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        Assert.Equal(["平賀", "尾上", "碇ヶ関"], catalog.Districts.Names);
        Assert.Equal(district, catalog.Districts.NameOf(latitude, longitude));
    }

    [Fact]
    public void Hirakawas_maps_use_the_gsi_tiles_with_their_attribution()
    {
        var catalog = ReportCatalogFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        Assert.Equal(("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png", "https://cyberjapandata.gsi.go.jp", "地理院タイル"),
            (catalog.Map.TileTemplate, catalog.Map.TileHost, catalog.Map.Attribution));
    }

    [Fact]
    public void Map_tiles_must_come_over_https_with_a_tile_template_and_an_attribution_and_districts_need_names()
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
            map:
              tileUrl: http://tiles.example/{z}/{x}/{y}.png
              attribution: ""
            """);

        var error = Assert.Throws<InvalidOperationException>(() => ReportCatalogFiles.Load(_directory));
        Assert.Contains("map: tileUrl 'http://tiles.example/{z}/{x}/{y}.png' must be an absolute https URL.", error.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.FileName), File.ReadAllText(Path.Combine(_directory, ReportCatalogFiles.FileName))
            .Replace("http://tiles.example/{z}/{x}/{y}.png", "https://tiles.example/map.png", StringComparison.Ordinal));
        error = Assert.Throws<InvalidOperationException>(() => ReportCatalogFiles.Load(_directory));
        Assert.Contains("must contain {z}, {x} and {y}", error.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.FileName), File.ReadAllText(Path.Combine(_directory, ReportCatalogFiles.FileName))
            .Replace("https://tiles.example/map.png", "https://tiles.example/{z}/{x}/{y}.png", StringComparison.Ordinal));
        error = Assert.Throws<InvalidOperationException>(() => ReportCatalogFiles.Load(_directory));
        Assert.Contains("map: attribution is missing", error.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.FileName), File.ReadAllText(Path.Combine(_directory, ReportCatalogFiles.FileName))
            .Replace("attribution: \"\"", "attribution: © Example", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.DistrictsFileName), """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[140.5, 40.5], [140.6, 40.5], [140.6, 40.6], [140.5, 40.5]]]}}]}
            """);
        error = Assert.Throws<InvalidOperationException>(() => ReportCatalogFiles.Load(_directory));
        Assert.Contains("feature 1: the 'name' property is missing.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_mistakes_is_refused_with_every_mistake_named()
    {
        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.FileName), """
            departments:
              - key: doboku
                name: 土木課
                email: not-an-address
            categories:
              - key: road
                nameJa: 道路の損傷
                nameEn: Road damage
                department: kasen
              - key: road
                nameJa: ""
                nameEn: Road again
                department: doboku
            """);

        var error = Assert.Throws<InvalidOperationException>(() => ReportCatalogFiles.Load(_directory));

        Assert.Contains("email 'not-an-address' is not an e-mail address", error.Message, StringComparison.Ordinal);
        Assert.Contains("department 'kasen' is not one of the departments", error.Message, StringComparison.Ordinal);
        Assert.Contains("category key 'road' is used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("nameJa is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_without_a_file_offers_no_reports_and_one_without_a_boundary_accepts_every_place()
    {
        Assert.Empty(ReportCatalogFiles.Load(_directory).Categories);

        File.WriteAllText(Path.Combine(_directory, ReportCatalogFiles.FileName), """
            departments: [{ key: somu, name: 総務課 }]
            categories: [{ key: other, nameJa: その他, nameEn: Other, department: somu }]
            """);
        var catalog = ReportCatalogFiles.Load(_directory);

        Assert.Null(catalog.Boundary);
        Assert.Null(catalog.Department("somu")!.Email);
    }

    [Theory]
    [InlineData("""{ "type": "Point", "coordinates": [140.5, 40.5] }""")]
    [InlineData("""{ "type": "Polygon", "coordinates": [[[140.5, 40.5], [140.6, 40.6], [140.6, 40.5], [140.5, 40.6], [140.5, 40.5]]] }""")]
    [InlineData("not json")]
    public void A_boundary_that_is_not_one_valid_polygon_is_refused(string geoJson)
    {
        Assert.Throws<InvalidOperationException>(() => CityBoundary.Parse(geoJson));
    }

    [Fact]
    public void A_boundary_of_several_features_covers_each_of_them()
    {
        var boundary = CityBoundary.Parse("""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": {}, "geometry": { "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
              { "type": "Feature", "properties": {}, "geometry": { "type": "Polygon", "coordinates": [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]] } } ] }
            """);

        Assert.True(boundary.Contains(0.5, 0.5));
        Assert.True(boundary.Contains(5.5, 5.5));
        Assert.True(boundary.Contains(0, 0.5)); // on the border
        Assert.False(boundary.Contains(3, 3));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
