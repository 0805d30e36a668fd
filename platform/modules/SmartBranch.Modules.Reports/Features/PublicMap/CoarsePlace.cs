namespace SmartBranch.Modules.Reports.Features.PublicMap;

/// <summary>
/// Where the public map puts a report: the centre of the 100 m grid cell the exact place falls in. A report's exact
/// place can point to one house (a resident reporting dumping beside their own home, a dead animal in a garden); a
/// cell covers several houses along a street. Snapping to a fixed grid, rather than adding random noise, gives the same
/// point on every view, so averaging many views (or a cached page against a fresh one) cannot recover the place.
/// </summary>
internal static class CoarsePlace
{
    public const double CellMetres = 100;

    private const double MetresPerDegreeLatitude = 111_320;

    public static (double Latitude, double Longitude) Of(double latitude, double longitude)
    {
        var latitudeStep = CellMetres / MetresPerDegreeLatitude;
        var cellLatitude = (Math.Floor(latitude / latitudeStep) + 0.5) * latitudeStep;

        // Degrees of longitude shrink with latitude; the cell's own latitude keeps the step the same for the whole row.
        var longitudeStep = CellMetres / (MetresPerDegreeLatitude * Math.Cos(cellLatitude * Math.PI / 180));
        var cellLongitude = (Math.Floor(longitude / longitudeStep) + 0.5) * longitudeStep;
        return (Math.Round(cellLatitude, 5), Math.Round(cellLongitude, 5));
    }
}
