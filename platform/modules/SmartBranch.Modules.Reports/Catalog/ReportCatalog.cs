namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>A tenant's report categories, in the order residents see them, and the departments that handle them.</summary>
/// <param name="RoadManagers">The managers of roads the city does not manage; empty when the tenant has no such file.</param>
/// <param name="RoadAreas">Where their roads are; null when the tenant has no such file.</param>
public sealed record ReportCatalog(
    IReadOnlyList<ReportCategory> Categories, IReadOnlyList<ReportDepartment> Departments, CityBoundary? Boundary,
    IReadOnlyList<RoadManager> RoadManagers, RoadManagerAreas? RoadAreas)
{
    public static readonly ReportCatalog Empty = new([], [], null, [], null);

    public RoadManager? RoadManager(string? key) => RoadManagers.FirstOrDefault(m => m.Key == key);

    /// <summary>The other body that manages the road at the place, for categories that ask (<see cref="ReportCategory.RoadManagers"/>).</summary>
    public RoadManagerMatch? RoadManagerAt(ReportCategory category, double latitude, double longitude) =>
        category.RoadManagers ? RoadAreas?.At(latitude, longitude) : null;

    /// <summary>What statistics count reports by area with (<c>districts.geojson</c>).</summary>
    public ReportDistricts Districts { get; init; } = ReportDistricts.None;

    public ReportMapSettings Map { get; init; } = ReportMapSettings.Default;

    /// <summary>The tenant publishes a status map of its reports for everyone (<c>publicMap: true</c>); off unless chosen.</summary>
    public bool PublicMap { get; init; }

    public ReportCategory? Category(string key) => Categories.FirstOrDefault(c => c.Key == key);

    public ReportDepartment? Department(string key) => Departments.FirstOrDefault(d => d.Key == key);
}

/// <param name="Key">Stored with each case; never changes once used.</param>
/// <param name="DepartmentKey">The department whose inbox receives the category's reports.</param>
/// <param name="RoadManagers">Whether a report on a road another body manages (国道, 県道) is marked with that manager.</param>
public sealed record ReportCategory(string Key, string NameJa, string NameEn, string DepartmentKey, bool RoadManagers = false);

/// <param name="Name">As staff memberships name it (<c>土木課</c>): staff of this department see its reports.</param>
/// <param name="Email">Told of each new report (its number and category only); null sends nothing.</param>
public sealed record ReportDepartment(string Key, string Name, string? Email);
