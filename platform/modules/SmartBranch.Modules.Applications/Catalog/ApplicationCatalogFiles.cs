using System.Collections.Concurrent;
using SmartBranch.Kernel.Tenancy;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using static SmartBranch.Kernel.Tenancy.TenantFileRules;

namespace SmartBranch.Modules.Applications.Catalog;

/// <summary>
/// Reads <c>tenants/&lt;slug&gt;/applications.yml</c>: departments, postage options, purposes and application types.
/// A file with mistakes is refused as a whole, every mistake named; <see cref="ApplicationCatalogStartupCheck"/> reads
/// every tenant's file at start-up so a mistake stops the server rather than a resident. A tenant without the file
/// (one created in the console) offers no applications.
/// </summary>
internal sealed class ApplicationCatalogFiles
{
    public const string FileName = "applications.yml";
    public const int MaxCopiesLimit = 20;
    public const int MaxRetentionDays = 3650;

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly ConcurrentDictionary<string, ApplicationCatalog> _byTenant = new();

    public ApplicationCatalog For(TenantDefinition tenant) =>
        string.IsNullOrEmpty(tenant.DirectoryPath)
            ? ApplicationCatalog.Empty
            : _byTenant.GetOrAdd(tenant.Slug, _ => Load(tenant.DirectoryPath));

    /// <exception cref="InvalidOperationException">The file is not valid or breaks a rule; the message names each mistake.</exception>
    internal static ApplicationCatalog Load(string tenantDirectory)
    {
        var path = Path.Combine(tenantDirectory, FileName);
        if (!File.Exists(path))
        {
            return ApplicationCatalog.Empty;
        }

        ApplicationsFile file;
        try
        {
            file = Yaml.Deserialize<ApplicationsFile?>(File.ReadAllText(path)) ?? new ApplicationsFile();
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"{path} is not valid YAML: {e.Message}", e);
        }

        var errors = Validate(file);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{path}:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}");
        }

        return new ApplicationCatalog(
            file.Types.Select(t => new ApplicationType(
                t.Key!, t.NameJa!.Trim(), t.NameEn!.Trim(), t.Department!, t.FeePerCopy!.Value, t.MaxCopies!.Value, t.RetentionDays!.Value,
                t.Postage, t.HouseholdMembers, Choices(t.Items), Choices(t.Variants), t.FiscalYears, t.DomicileInCity)).ToList(),
            file.Departments.Select(d => new ApplicationDepartment(d.Key!, d.Name!.Trim())).ToList(),
            file.Postage.Select(p => new PostageOption(p.Key!, p.Name!.Trim(), p.Fee!.Value)).ToList(),
            file.Purposes.Select(p => p.Trim()).ToList());
    }

    private static List<ApplicationChoice> Choices(List<ChoiceEntry> entries) => entries.Select(c => new ApplicationChoice(c.Key!, c.Name!.Trim())).ToList();

    private static List<string> Validate(ApplicationsFile file)
    {
        var errors = new List<string>();
        CheckKeys(file.Departments.Select(d => d.Key), "department", errors);
        foreach (var department in file.Departments)
        {
            RequireText(department.Name, $"department '{department.Key}': name", errors);
        }

        if (file.Postage.Count == 0)
        {
            errors.Add("postage: at least one option is required (the certificates are sent by post).");
        }

        CheckKeys(file.Postage.Select(p => p.Key), "postage", errors);
        foreach (var postage in file.Postage)
        {
            RequireText(postage.Name, $"postage '{postage.Key}': name", errors);
            CheckAmount(postage.Fee, $"postage '{postage.Key}': fee", errors);
        }

        if (file.Purposes.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("purposes: an entry is empty.");
        }

        if (file.Types.Count == 0)
        {
            errors.Add("types: at least one is required.");
        }

        CheckKeys(file.Types.Select(t => t.Key), "type", errors);
        var departments = file.Departments.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var postageKeys = file.Postage.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var type in file.Types)
        {
            ValidateType(type, departments, postageKeys, errors);
        }

        return errors;
    }

    private static void ValidateType(TypeEntry type, HashSet<string?> departments, HashSet<string?> postageKeys, List<string> errors)
    {
        var where = $"type '{type.Key}'";
        RequireText(type.NameJa, $"{where}: nameJa", errors);
        RequireText(type.NameEn, $"{where}: nameEn", errors);
        if (type.Department is null || !departments.Contains(type.Department))
        {
            errors.Add($"{where}: department '{type.Department}' is not one of the departments.");
        }

        CheckAmount(type.FeePerCopy, $"{where}: feePerCopy", errors);
        if (type.MaxCopies is not { } copies || copies < 1 || copies > MaxCopiesLimit)
        {
            errors.Add($"{where}: maxCopies must be a whole number from 1 to {MaxCopiesLimit}.");
        }

        if (type.RetentionDays is not { } days || days < 1 || days > MaxRetentionDays)
        {
            errors.Add($"{where}: retentionDays must be a whole number of days from 1 to {MaxRetentionDays}.");
        }

        if (type.Postage.Count == 0)
        {
            errors.Add($"{where}: postage must name at least one postage option.");
        }

        foreach (var key in type.Postage.Where(k => !postageKeys.Contains(k)))
        {
            errors.Add($"{where}: postage '{key}' is not one of the postage options.");
        }

        if (type.FiscalYears is < 0 or > 10)
        {
            errors.Add($"{where}: fiscalYears must be from 0 (no 年度) to 10.");
        }

        CheckChoices(type.Items, $"{where}: item", errors);
        CheckChoices(type.Variants, $"{where}: variant", errors);
        if (type.Variants.Count == 1)
        {
            errors.Add($"{where}: variants needs at least two kinds to choose between (leave it out for one).");
        }
    }

    private static void CheckChoices(List<ChoiceEntry> choices, string what, List<string> errors)
    {
        CheckKeys(choices.Select(c => c.Key), what, errors);
        foreach (var choice in choices)
        {
            RequireText(choice.Name, $"{what} '{choice.Key}': name", errors);
        }
    }

    private static void CheckAmount(int? amount, string what, List<string> errors)
    {
        if (amount is not { } yen || yen < 0 || yen > ApplicationFeeOverride.MaxAmount)
        {
            errors.Add($"{what} must be an amount in yen from 0 to {ApplicationFeeOverride.MaxAmount}.");
        }
    }

    private sealed class ApplicationsFile
    {
        public List<DepartmentEntry> Departments { get; set; } = [];
        public List<PostageEntry> Postage { get; set; } = [];
        public List<string> Purposes { get; set; } = [];
        public List<TypeEntry> Types { get; set; } = [];
    }

    private sealed class DepartmentEntry
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
    }

    private sealed class PostageEntry
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public int? Fee { get; set; }
    }

    private sealed class ChoiceEntry
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
    }

    private sealed class TypeEntry
    {
        public string? Key { get; set; }
        public string? NameJa { get; set; }
        public string? NameEn { get; set; }
        public string? Department { get; set; }
        public int? FeePerCopy { get; set; }
        public int? MaxCopies { get; set; }
        public int? RetentionDays { get; set; }
        public List<string> Postage { get; set; } = [];
        public bool HouseholdMembers { get; set; }
        public List<ChoiceEntry> Items { get; set; } = [];
        public List<ChoiceEntry> Variants { get; set; } = [];
        public int FiscalYears { get; set; }
        public bool DomicileInCity { get; set; }
    }
}
