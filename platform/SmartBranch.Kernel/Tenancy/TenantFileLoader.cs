using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>Reads <c>tenants/&lt;slug&gt;/tenant.yml</c> files: the non-secret part of a tenant's definition.</summary>
internal static class TenantFileLoader
{
    public const string FileName = "tenant.yml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<TenantFile> LoadAll(string tenantsDirectory)
    {
        if (!Directory.Exists(tenantsDirectory))
        {
            throw new InvalidOperationException($"The tenants directory '{tenantsDirectory}' does not exist (setting Tenants:Directory).");
        }

        return Directory.EnumerateDirectories(tenantsDirectory)
            .Where(d => File.Exists(Path.Combine(d, FileName)))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
    }

    private static TenantFile Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        TenantFile file;
        try
        {
            file = Yaml.Deserialize<TenantFile>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"{path} is not valid YAML: {e.Message}", e);
        }

        var folderName = Path.GetFileName(directory);
        if (file.Slug != folderName)
        {
            throw new InvalidOperationException($"{path}: slug '{file.Slug}' must equal its folder name '{folderName}'.");
        }

        if (!TenantSlug.IsValid(file.Slug))
        {
            throw new InvalidOperationException($"{path}: slug '{file.Slug}' must be 2–40 lower-case letters, digits or hyphens.");
        }

        var unknown = file.Environments.Except(TenantEnvironmentNames.All).ToList();
        if (unknown.Count > 0 || file.Environments.Count == 0)
        {
            throw new InvalidOperationException($"{path}: environments must be among {string.Join(", ", TenantEnvironmentNames.All)}.");
        }

        return file with { DirectoryPath = directory };
    }
}

internal sealed record TenantFile
{
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string NameEn { get; init; } = "";
    public List<string> Environments { get; init; } = [];

    [YamlIgnore]
    public string DirectoryPath { get; init; } = "";
}

public static class TenantSlug
{
    public static bool IsValid(string slug) =>
        slug.Length is >= 2 and <= 40
        && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && slug[0] != '-' && slug[^1] != '-';
}
