using System.Collections.Concurrent;
using System.Net.Mail;
using SmartBranch.Kernel.Tenancy;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using static SmartBranch.Kernel.Tenancy.TenantFileRules;

namespace SmartBranch.Modules.Reports.Catalog;

/// <summary>
/// Reads <c>tenants/&lt;slug&gt;/reports.yml</c> (categories and departments), <c>boundary.geojson</c> (the city's
/// area) and, if there, <c>road-managers.yml</c> with <c>road-managers.geojson</c> (roads the city does not manage).
/// A file with mistakes is refused as a whole, every mistake named. A tenant without <c>reports.yml</c>
/// (one created in the console) offers no reports; without a boundary, every place is accepted. <c>districts.geojson</c>
/// (optional) names the districts statistics count by, and <c>map:</c> in <c>reports.yml</c> the maps' tiles;
/// <c>publicMap: true</c> there publishes the status map for everyone.
/// </summary>
internal sealed class ReportCatalogFiles
{
    public const string FileName = "reports.yml";
    public const string BoundaryFileName = "boundary.geojson";
    public const string RoadManagersFileName = "road-managers.yml";
    public const string RoadAreasFileName = "road-managers.geojson";
    public const string DistrictsFileName = "districts.geojson";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly ConcurrentDictionary<string, ReportCatalog> _byTenant = new();

    public ReportCatalog For(TenantContext tenant) =>
        string.IsNullOrEmpty(tenant.Tenant.DirectoryPath)
            ? ReportCatalog.Empty
            : _byTenant.GetOrAdd(tenant.TenantSlug, _ => Load(tenant.Tenant.DirectoryPath));

    /// <exception cref="InvalidOperationException">A file is not valid or breaks a rule; the message names each mistake.</exception>
    internal static ReportCatalog Load(string tenantDirectory)
    {
        var path = Path.Combine(tenantDirectory, FileName);
        if (!File.Exists(path))
        {
            return ReportCatalog.Empty;
        }

        ReportsFile file;
        try
        {
            file = Yaml.Deserialize<ReportsFile?>(File.ReadAllText(path)) ?? new ReportsFile();
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"{path} is not valid YAML: {e.Message}", e);
        }

        var errors = Validate(file);
        var map = ReportMapSettings.Default;
        if (file.Map is { } mapEntry)
        {
            var (settings, mapError) = ReportMapSettings.Create(mapEntry.TileUrl, mapEntry.Attribution);
            map = settings ?? map;
            if (mapError is not null)
            {
                errors.Add(mapError);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{path}:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}");
        }

        var boundaryPath = Path.Combine(tenantDirectory, BoundaryFileName);
        var boundary = File.Exists(boundaryPath) ? ParseBoundary(boundaryPath) : null;
        var (managers, areas) = LoadRoadManagers(tenantDirectory);
        return new ReportCatalog(
            file.Categories.Select(c => new ReportCategory(c.Key!, c.NameJa!.Trim(), c.NameEn!.Trim(), c.Department!, c.RoadManagers)).ToList(),
            file.Departments.Select(d => new ReportDepartment(d.Key!, d.Name!.Trim(), string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim())).ToList(),
            boundary,
            managers,
            areas)
        {
            Districts = ReadDistricts(Path.Combine(tenantDirectory, DistrictsFileName)),
            Map = map,
            PublicMap = file.PublicMap,
        };
    }

    private static ReportDistricts ReadDistricts(string path)
    {
        if (!File.Exists(path))
        {
            return ReportDistricts.None;
        }

        try
        {
            return ReportDistricts.Parse(File.ReadAllText(path));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
    }

    private static (IReadOnlyList<RoadManager> Managers, RoadManagerAreas? Areas) LoadRoadManagers(string tenantDirectory)
    {
        var path = Path.Combine(tenantDirectory, RoadManagersFileName);
        if (!File.Exists(path))
        {
            return ([], null);
        }

        RoadManagersFile file;
        try
        {
            file = Yaml.Deserialize<RoadManagersFile?>(File.ReadAllText(path)) ?? new RoadManagersFile();
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"{path} is not valid YAML: {e.Message}", e);
        }

        var errors = new List<string>();
        CheckKeys(file.Managers.Select(m => m.Key), "manager", errors);
        var managers = new List<RoadManager>();
        foreach (var entry in file.Managers)
        {
            var where = $"manager '{entry.Key}'";
            RequireText(entry.Name, $"{where}: name", errors);
            if (!Enum.TryParse<RoadManagerKind>(entry.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                errors.Add($"{where}: kind '{entry.Kind}' must be national, prefectural or municipal.");
            }

            if (!string.IsNullOrWhiteSpace(entry.Email) && !MailAddress.TryCreate(entry.Email.Trim(), out _))
            {
                errors.Add($"{where}: email '{entry.Email}' is not an e-mail address.");
            }

            managers.Add(new RoadManager(
                entry.Key ?? "", entry.Name?.Trim() ?? "", kind, Optional(entry.Phone), Optional(entry.PhoneLabel), Optional(entry.Email)));
        }

        var areasPath = Path.Combine(tenantDirectory, RoadAreasFileName);
        RoadManagerAreas? areas = null;
        if (!File.Exists(areasPath))
        {
            errors.Add($"{RoadAreasFileName} is missing: it holds the managers' roads.");
        }
        else if (errors.Count == 0)
        {
            try
            {
                areas = RoadManagerAreas.Parse(File.ReadAllText(areasPath), managers);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{areasPath}: {e.Message}", e);
            }
        }

        return errors.Count == 0
            ? (managers, areas)
            : throw new InvalidOperationException($"{path}:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}");
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static CityBoundary ParseBoundary(string path)
    {
        try
        {
            return CityBoundary.Parse(File.ReadAllText(path));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
    }

    private static List<string> Validate(ReportsFile file)
    {
        var errors = new List<string>();
        if (file.Categories.Count == 0)
        {
            errors.Add("categories: at least one is required.");
        }

        // A quick reply holds 13 buttons; two are the form and cancel buttons.
        if (file.Categories.Count > 11)
        {
            errors.Add("categories: at most 11 (LINE shows 13 quick replies; two of them are the form and cancel buttons).");
        }

        CheckKeys(file.Departments.Select(d => d.Key), "department", errors);
        foreach (var department in file.Departments)
        {
            var where = $"department '{department.Key}'";
            RequireText(department.Name, $"{where}: name", errors);
            if (!string.IsNullOrWhiteSpace(department.Email) && !MailAddress.TryCreate(department.Email.Trim(), out _))
            {
                errors.Add($"{where}: email '{department.Email}' is not an e-mail address.");
            }
        }

        CheckKeys(file.Categories.Select(c => c.Key), "category", errors);
        var departments = file.Departments.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var category in file.Categories)
        {
            var where = $"category '{category.Key}'";
            RequireText(category.NameJa, $"{where}: nameJa", errors);
            RequireText(category.NameEn, $"{where}: nameEn", errors);
            if (category.NameJa is { Length: > 20 })
            {
                errors.Add($"{where}: nameJa is longer than a quick reply's 20 characters.");
            }

            if (category.Department is null || !departments.Contains(category.Department))
            {
                errors.Add($"{where}: department '{category.Department}' is not one of the departments.");
            }
        }

        return errors;
    }

    private sealed class ReportsFile
    {
        public List<DepartmentEntry> Departments { get; set; } = [];
        public List<CategoryEntry> Categories { get; set; } = [];
        public MapEntry? Map { get; set; }
        public bool PublicMap { get; set; }
    }

    private sealed class MapEntry
    {
        public string? TileUrl { get; set; }
        public string? Attribution { get; set; }
    }

    private sealed class DepartmentEntry
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
    }

    private sealed class RoadManagersFile
    {
        public List<RoadManagerEntry> Managers { get; set; } = [];
    }

    private sealed class RoadManagerEntry
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Phone { get; set; }
        public string? PhoneLabel { get; set; }
        public string? Email { get; set; }
    }

    private sealed class CategoryEntry
    {
        public bool RoadManagers { get; set; }

        public string? Key { get; set; }
        public string? NameJa { get; set; }
        public string? NameEn { get; set; }
        public string? Department { get; set; }
    }
}
