using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>
/// The city's districts (地区) that statistics count reports by: a GeoJSON FeatureCollection whose features are
/// Polygons or MultiPolygons with a <c>name</c> property, in WGS 84 longitude/latitude. A place in no district (or
/// in the gaps of simplified outlines) counts as none.
/// </summary>
public sealed class ReportDistricts
{
    public static readonly ReportDistricts None = new([]);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private static readonly GeometryFactory Factory = new();

    private readonly IReadOnlyList<(string Name, IPreparedGeometry Area)> _districts;

    private ReportDistricts(IReadOnlyList<(string Name, IPreparedGeometry Area)> districts) => _districts = districts;

    /// <summary>The districts' names, in the file's order.</summary>
    public IReadOnlyList<string> Names => [.. _districts.Select(d => d.Name)];

    /// <returns>The first district that covers the place, or null.</returns>
    public string? NameOf(double latitude, double longitude)
    {
        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        return _districts.FirstOrDefault(d => d.Area.Covers(point)).Name;
    }

    /// <exception cref="InvalidOperationException">Not a FeatureCollection of named, valid polygons; the message names each mistake.</exception>
    public static ReportDistricts Parse(string geoJson)
    {
        FeatureCollection? features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(geoJson, GeoJson);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException($"The districts are not a valid GeoJSON FeatureCollection: {e.Message}", e);
        }

        if (features is null || features.Count == 0)
        {
            throw new InvalidOperationException("The districts must be a GeoJSON FeatureCollection with at least one feature.");
        }

        var errors = new List<string>();
        var districts = new List<(string, IPreparedGeometry)>();
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var name = feature.Attributes?.Exists("name") == true ? feature.Attributes["name"] as string : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"feature {i + 1}: the 'name' property is missing.");
            }
            else if (districts.Any(d => d.Item1 == name.Trim()))
            {
                errors.Add($"feature {i + 1}: the name '{name}' is used twice.");
            }

            if (feature.Geometry is not (Polygon or MultiPolygon) || feature.Geometry.IsEmpty || !feature.Geometry.IsValid)
            {
                errors.Add($"feature {i + 1}: the geometry must be one valid Polygon or MultiPolygon.");
            }
            else if (name is not null)
            {
                districts.Add((name.Trim(), PreparedGeometryFactory.Prepare(feature.Geometry)));
            }
        }

        return errors.Count > 0 ? throw new InvalidOperationException(string.Join(" ", errors)) : new ReportDistricts(districts);
    }
}
