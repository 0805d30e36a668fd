using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;

namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>
/// The areas of roads the city does not manage (<c>road-managers.geojson</c>): each feature names its manager and road
/// and is either an area (Polygon, MultiPolygon) or a road's centre line (LineString, MultiLineString) widened by
/// <c>bufferMetres</c> on each side. Where areas overlap, the first feature in the file wins.
/// </summary>
public sealed class RoadManagerAreas
{
    // Metres per degree near Japan's latitudes, for widening a centre line; exact enough for a corridor tens of metres wide.
    private const double MetresPerDegreeLatitude = 111_000;

    private readonly IReadOnlyList<(RoadManagerMatch Match, IPreparedGeometry Area)> _areas;
    private readonly GeometryFactory _factory = new();

    private RoadManagerAreas(IReadOnlyList<(RoadManagerMatch, IPreparedGeometry)> areas) => _areas = areas;

    public RoadManagerMatch? At(double latitude, double longitude)
    {
        var point = _factory.CreatePoint(new Coordinate(longitude, latitude));
        return _areas.FirstOrDefault(a => a.Area.Covers(point)).Match;
    }

    /// <exception cref="InvalidOperationException">Not GeoJSON, or a feature breaks a rule; every mistake is named.</exception>
    public static RoadManagerAreas Parse(string geoJson, IReadOnlyList<RoadManager> managers)
    {
        var errors = new List<string>();
        var areas = new List<(RoadManagerMatch, IPreparedGeometry)>();
        foreach (var feature in GeoJsonFeatures.Read(geoJson))
        {
            var where = $"feature {feature.Number}";
            var managerKey = feature.Text("manager");
            var manager = managers.FirstOrDefault(m => m.Key == managerKey);
            if (manager is null)
            {
                errors.Add($"{where}: manager '{managerKey}' is not one of road-managers.yml.");
            }

            var road = feature.Text("road");
            if (road is null)
            {
                errors.Add($"{where}: road (the road's name) is missing.");
            }

            var area = Area(feature.Geometry, feature.Numeric("bufferMetres"), where, errors);
            if (manager is not null && area is not null && road is not null)
            {
                areas.Add((new RoadManagerMatch(manager, road), PreparedGeometryFactory.Prepare(area)));
            }
        }

        return errors.Count == 0 ? new RoadManagerAreas(areas) : throw new InvalidOperationException(string.Join(Environment.NewLine + "- ", errors.Prepend("")));
    }

    private static Geometry? Area(Geometry? geometry, double? buffer, string where, List<string> errors)
    {
        switch (geometry)
        {
            case Polygon or MultiPolygon when geometry.IsValid && !geometry.IsEmpty:
                return geometry;
            case LineString or MultiLineString when !geometry.IsEmpty:
                if (buffer is not { } metres || metres is not (> 0 and <= 1000))
                {
                    errors.Add($"{where}: a centre line needs bufferMetres between 1 and 1000.");
                    return null;
                }

                return Widen(geometry, metres);
            default:
                errors.Add($"{where}: the geometry must be a valid Polygon, MultiPolygon, LineString or MultiLineString.");
                return null;
        }
    }

    /// <summary>Buffers in metres: into a local plane around the line (degrees of longitude shrink with latitude) and back.</summary>
    private static Geometry Widen(Geometry line, double metres)
    {
        var centre = line.EnvelopeInternal.Centre;
        var toMetres = AffineTransformation.TranslationInstance(-centre.X, -centre.Y)
            .Scale(MetresPerDegreeLatitude * Math.Cos(centre.Y * Math.PI / 180), MetresPerDegreeLatitude);
        var widened = toMetres.Transform(line).Buffer(metres);
        return toMetres.GetInverse().Transform(widened);
    }
}

/// <param name="Key">Stored with each case it marks.</param>
/// <param name="Phone">What the resident is told to call (<c>#9910</c>); null tells no number.</param>
/// <param name="PhoneLabel">What the number is (<c>道路緊急ダイヤル</c>).</param>
/// <param name="Email">Where staff forward a case; null offers no forwarding.</param>
public sealed record RoadManager(string Key, string Name, RoadManagerKind Kind, string? Phone, string? PhoneLabel, string? Email)
{
    /// <summary><c>道路緊急ダイヤル #9910</c>, or the bare number.</summary>
    public string? Contact => Phone is null ? null : PhoneLabel is null ? Phone : $"{PhoneLabel} {Phone}";
}

public enum RoadManagerKind
{
    National,
    Prefectural,
    Municipal,
}

/// <param name="Road">The road's name in the areas file (国道7号).</param>
public sealed record RoadManagerMatch(RoadManager Manager, string Road);
