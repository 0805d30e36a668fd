using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>
/// The area a city accepts reports from: a polygon (or several) in WGS 84 longitude/latitude, read from a GeoJSON
/// Feature, FeatureCollection or bare geometry. Points on the border count as inside.
/// </summary>
public sealed class CityBoundary
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly IPreparedGeometry _area;
    private readonly GeometryFactory _factory;

    private CityBoundary(Geometry area)
    {
        _factory = area.Factory;
        _area = PreparedGeometryFactory.Prepare(area);
    }

    /// <summary>A point inside the area, where a map of the city opens.</summary>
    public (double Latitude, double Longitude) Centre
    {
        get
        {
            var point = _area.Geometry.InteriorPoint;
            return (point.Y, point.X);
        }
    }

    public bool Contains(double latitude, double longitude) =>
        _area.Covers(_factory.CreatePoint(new Coordinate(longitude, latitude)));

    /// <exception cref="InvalidOperationException">Not GeoJSON, or no polygon in it.</exception>
    public static CityBoundary Parse(string geoJson)
    {
        Geometry? geometry;
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            geometry = document.RootElement.GetProperty("type").GetString() switch
            {
                "FeatureCollection" => Union(document.Deserialize<FeatureCollection>(GeoJson)?.Select(f => f.Geometry)),
                "Feature" => document.Deserialize<IFeature>(GeoJson)?.Geometry,
                _ => document.Deserialize<Geometry>(GeoJson),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException($"The city boundary is not valid GeoJSON: {e.Message}", e);
        }

        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty || !geometry.IsValid)
        {
            throw new InvalidOperationException("The city boundary must be one valid Polygon or MultiPolygon.");
        }

        return new CityBoundary(geometry);
    }

    private static Geometry? Union(IEnumerable<Geometry?>? geometries)
    {
        var parts = geometries?.OfType<Geometry>().ToList() ?? [];
        return parts.Count == 0 ? null : parts.Aggregate((a, b) => a.Union(b));
    }
}
