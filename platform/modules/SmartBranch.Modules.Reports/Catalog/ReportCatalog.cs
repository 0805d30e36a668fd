namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>A tenant's report categories, in the order residents see them, and the departments that handle them.</summary>
public sealed record ReportCatalog(IReadOnlyList<ReportCategory> Categories, IReadOnlyList<ReportDepartment> Departments, CityBoundary? Boundary)
{
    public static readonly ReportCatalog Empty = new([], [], null);

    /// <summary>What statistics count reports by area with (<c>districts.geojson</c>).</summary>
    public ReportDistricts Districts { get; init; } = ReportDistricts.None;

    public ReportMapSettings Map { get; init; } = ReportMapSettings.Default;

    public ReportCategory? Category(string key) => Categories.FirstOrDefault(c => c.Key == key);

    public ReportDepartment? Department(string key) => Departments.FirstOrDefault(d => d.Key == key);
}

/// <param name="Key">Stored with each case; never changes once used.</param>
/// <param name="DepartmentKey">The department whose inbox receives the category's reports.</param>
public sealed record ReportCategory(string Key, string NameJa, string NameEn, string DepartmentKey);

/// <param name="Name">As staff memberships name it (<c>土木課</c>): staff of this department see its reports.</param>
/// <param name="Email">Told of each new report (its number and category only); null sends nothing.</param>
public sealed record ReportDepartment(string Key, string Name, string? Email);
