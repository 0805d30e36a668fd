using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace SmartBranch.Kernel.Tenancy;

public enum TenantStatus
{
    Active,
    Suspended,
    Archived,
}

/// <summary>Every tenant this platform serves, with its environments and current status.</summary>
public interface ITenantCatalog
{
    IReadOnlyList<TenantDefinition> Tenants { get; }

    TenantDefinition? Find(string slug);

    TenantStatus StatusOf(string slug);
}

/// <summary>
/// Tenants from their definition files, LINE settings from configuration, status from the database
/// (<see cref="TenantCatalogSynchronizer"/> keeps the two in step at start-up).
/// </summary>
public sealed class TenantCatalog : ITenantCatalog
{
    private readonly Dictionary<string, TenantDefinition> _bySlug;
    private readonly ConcurrentDictionary<string, TenantStatus> _status = new();

    internal TenantCatalog(IReadOnlyList<TenantDefinition> tenants)
    {
        Tenants = tenants;
        _bySlug = tenants.ToDictionary(t => t.Slug, StringComparer.Ordinal);
    }

    public IReadOnlyList<TenantDefinition> Tenants { get; }

    public TenantDefinition? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    public TenantStatus StatusOf(string slug) => _status.GetValueOrDefault(slug, TenantStatus.Active);

    internal void SetStatus(string slug, TenantStatus status) => _status[slug] = status;

    public static TenantCatalog Load(IConfiguration configuration)
    {
        var directory = configuration["Tenants:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "tenants");
        var emulatorUrl = new Uri(configuration["Emulator:Url"] ?? LineSettingsReader.DefaultEmulatorUrl);

        var tenants = TenantFileLoader.LoadAll(directory)
            .Select(file => new TenantDefinition(
                file.Slug,
                file.Name,
                file.NameEn,
                file.DirectoryPath,
                file.Environments
                    .Select(env => new TenantEnvironment(env, LineSettingsReader.Read(configuration, file.Slug, env, emulatorUrl)))
                    .ToList()))
            .ToList();
        return new TenantCatalog(tenants);
    }
}
