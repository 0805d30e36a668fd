using System.Collections.Concurrent;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Residents.Contracts;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartBranch.Modules.Residents.Segments;

/// <summary>
/// Reads <c>tenants/&lt;slug&gt;/segments.yml</c>: the consent text and the attributes residents may register, each
/// with stable keys and Japanese and English names. A file with mistakes is refused as a whole, with every mistake
/// named, so that a catalogue is never half loaded. A tenant without the file (one created in the console) has
/// an empty catalogue. The seed of <see cref="ISegmentCatalogSource"/>: a catalogue edited in the portal replaces it.
/// </summary>
internal sealed class SegmentCatalogFiles
{
    public const string FileName = "segments.yml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly ConcurrentDictionary<string, SegmentCatalogDefinition> _byTenant = new();

    public SegmentCatalogDefinition For(TenantContext tenant) =>
        string.IsNullOrEmpty(tenant.Tenant.DirectoryPath)
            ? SegmentCatalogDefinition.Empty
            : _byTenant.GetOrAdd(tenant.TenantSlug, _ => Load(tenant.Tenant.DirectoryPath));

    /// <exception cref="InvalidOperationException">The file is not valid YAML or breaks a rule; the message names each mistake.</exception>
    internal static SegmentCatalogDefinition Load(string tenantDirectory)
    {
        var path = Path.Combine(tenantDirectory, FileName);
        if (!File.Exists(path))
        {
            return SegmentCatalogDefinition.Empty;
        }

        SegmentsFile file;
        try
        {
            file = Yaml.Deserialize<SegmentsFile?>(File.ReadAllText(path)) ?? new SegmentsFile();
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

        return new SegmentCatalogDefinition(
            file.Attributes.Select(a => new SegmentAttribute(
                a.Key!, a.NameJa!.Trim(), a.NameEn!.Trim(), a.MultipleChoice,
                a.Values.Select(v => new SegmentValue(v.Key!, v.NameJa!.Trim(), v.NameEn!.Trim())).ToList())).ToList(),
            file.Consent is { } consent ? new ConsentText(consent.Version!.Trim(), consent.TextJa!.Trim(), consent.TextEn!.Trim()) : null);
    }

    private static List<string> Validate(SegmentsFile file)
    {
        var errors = new List<string>();
        if (file.Attributes.Count > 0 && file.Consent is null)
        {
            errors.Add("consent is required: residents accept it when they register attributes.");
        }

        if (file.Consent is { } consent)
        {
            RequireText(consent.Version, "consent.version", errors);
            RequireText(consent.TextJa, "consent.textJa", errors);
            RequireText(consent.TextEn, "consent.textEn", errors);
        }

        CheckKeys(file.Attributes.Select(a => a.Key), "attribute", errors);
        foreach (var (attribute, index) in file.Attributes.Select((a, i) => (a, i)))
        {
            var where = $"attribute '{attribute.Key ?? $"#{index + 1}"}'";
            RequireText(attribute.NameJa, $"{where}: nameJa", errors);
            RequireText(attribute.NameEn, $"{where}: nameEn", errors);
            if (attribute.Values.Count == 0)
            {
                errors.Add($"{where} has no values.");
            }

            CheckKeys(attribute.Values.Select(v => v.Key), $"{where}: value", errors);
            foreach (var (value, valueIndex) in attribute.Values.Select((v, i) => (v, i)))
            {
                var valueWhere = $"{where}, value '{value.Key ?? $"#{valueIndex + 1}"}'";
                RequireText(value.NameJa, $"{valueWhere}: nameJa", errors);
                RequireText(value.NameEn, $"{valueWhere}: nameEn", errors);
            }
        }

        return errors;
    }

    private static void CheckKeys(IEnumerable<string?> keys, string what, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!SegmentKey.IsValid(key))
            {
                errors.Add($"{what} key '{key}' must be 1–40 lower-case letters, digits or hyphens.");
            }
            else if (!seen.Add(key!))
            {
                errors.Add($"{what} key '{key}' is used twice.");
            }
        }
    }

    private static void RequireText(string? text, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{what} is missing.");
        }
    }

    private sealed class SegmentsFile
    {
        public ConsentEntry? Consent { get; set; }
        public List<AttributeEntry> Attributes { get; set; } = [];
    }

    private sealed class ConsentEntry
    {
        public string? Version { get; set; }
        public string? TextJa { get; set; }
        public string? TextEn { get; set; }
    }

    private sealed class AttributeEntry
    {
        public string? Key { get; set; }
        public string? NameJa { get; set; }
        public string? NameEn { get; set; }
        public bool MultipleChoice { get; set; }
        public List<ValueEntry> Values { get; set; } = [];
    }

    private sealed class ValueEntry
    {
        public string? Key { get; set; }
        public string? NameJa { get; set; }
        public string? NameEn { get; set; }
    }
}

/// <summary>Keys of attributes and values: stored with residents' choices and in deliveries' conditions.</summary>
internal static class SegmentKey
{
    public const int MaxLength = 40;

    public static bool IsValid(string? key) =>
        key is { Length: >= 1 and <= MaxLength }
        && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && key[0] != '-';
}
