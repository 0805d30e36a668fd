using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>
/// The area a city accepts reports from: a polygon (or several) in WGS 84 longitude/latitude, read from a GeoJSON
/// Feature, FeatureCollection or bare geometry. Points on the border count as inside.
/// </summary>
public sealed class CityBoundary
{
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

    /// <exception cref="InvalidOperationException">Not GeoJSON, or no valid polygon in it.</exception>
    public static CityBoundary Parse(string geoJson)
    {
        IReadOnlyList<GeoJsonFeature> features;
        try
        {
            features = GeoJsonFeatures.Read(geoJson);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"The city boundary is not valid GeoJSON: {e.Message}", e);
        }

        if (features.FirstOrDefault(f => !f.IsArea) is { } wrong)
        {
            throw new InvalidOperationException($"The city boundary must be valid Polygons or MultiPolygons (feature {wrong.Number} is not).");
        }

        return new CityBoundary(features.Select(f => f.Geometry!).Aggregate((a, b) => a.Union(b)));
    }
}
