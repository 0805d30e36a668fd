namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// A municipality: its names, where its definition files are (empty for a tenant created in the
/// console), and its environments.
/// </summary>
public sealed record TenantDefinition(
    string Slug,
    string Name,
    string NameEn,
    string DirectoryPath,
    IReadOnlyList<TenantEnvironment> Environments)
{
    public TenantEnvironment? FindEnvironment(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
}

/// <summary>One environment of a tenant (production or staging), bound to its own LINE channel.</summary>
public sealed record TenantEnvironment(string Name, TenantLineSettings Line)
{
    public bool IsProduction => Name == TenantEnvironmentNames.Production;
}

public static class TenantEnvironmentNames
{
    public const string Production = "production";
    public const string Staging = "staging";

    public static readonly IReadOnlyList<string> All = [Production, Staging];
}
