using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>
/// The city's districts (地区) that statistics count reports by: a GeoJSON FeatureCollection whose features are
/// Polygons or MultiPolygons with a <c>name</c> property, in WGS 84 longitude/latitude. A place in no district (or
/// in the gaps of simplified outlines) counts as none.
/// </summary>
public sealed class ReportDistricts
{
    public static readonly ReportDistricts None = new([]);

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

    /// <exception cref="InvalidOperationException">Not GeoJSON features of named, valid polygons; the message names each mistake.</exception>
    public static ReportDistricts Parse(string geoJson)
    {
        IReadOnlyList<GeoJsonFeature> features;
        try
        {
            features = GeoJsonFeatures.Read(geoJson);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"The districts are not valid GeoJSON: {e.Message}", e);
        }

        var errors = new List<string>();
        var districts = new List<(string, IPreparedGeometry)>();
        foreach (var feature in features)
        {
            var name = feature.Text("name");
            if (name is null)
            {
                errors.Add($"feature {feature.Number}: the 'name' property is missing.");
            }
            else if (districts.Any(d => d.Item1 == name))
            {
                errors.Add($"feature {feature.Number}: the name '{name}' is used twice.");
            }

            if (!feature.IsArea)
            {
                errors.Add($"feature {feature.Number}: the geometry must be one valid Polygon or MultiPolygon.");
            }
            else if (name is not null)
            {
                districts.Add((name, PreparedGeometryFactory.Prepare(feature.Geometry)));
            }
        }

        return errors.Count > 0 ? throw new InvalidOperationException(string.Join(" ", errors)) : new ReportDistricts(districts);
    }
}
