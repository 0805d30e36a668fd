using System.Collections.Frozen;
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
/// Tenants defined in files and tenants created at runtime (database), with their status.
/// An environment's LINE settings take each value from configuration
/// (<c>Tenants:&lt;slug&gt;:&lt;env&gt;:Line:*</c>) first, then from the channel stored in the console,
/// then the defaults. <see cref="TenantCatalogRefresher"/> reloads the database part, at start-up,
/// after every change in this process and periodically for changes made by other processes;
/// each reload swaps one immutable snapshot, so readers never see half of one.
/// </summary>
public sealed class TenantCatalog : ITenantCatalog
{
    private readonly IReadOnlyList<TenantFile> _files;
    private readonly IConfiguration _configuration;
    private readonly Uri _emulatorUrl;
    private readonly Lock _statusWrite = new();
    private volatile Snapshot _snapshot;

    internal TenantCatalog(IReadOnlyList<TenantDefinition> tenants)
        : this([], new ConfigurationBuilder().Build(), new Uri(LineSettingsReader.DefaultEmulatorUrl))
    {
        _snapshot = new Snapshot(tenants, FrozenDictionary<string, TenantStatus>.Empty);
    }

    private TenantCatalog(IReadOnlyList<TenantFile> files, IConfiguration configuration, Uri emulatorUrl)
    {
        _files = files;
        _configuration = configuration;
        _emulatorUrl = emulatorUrl;
        _snapshot = new Snapshot(files.Select(f => Define(f.Slug, f.Name, f.NameEn, f.DirectoryPath, f.Environments, null)).ToList(),
            FrozenDictionary<string, TenantStatus>.Empty);
    }

    public IReadOnlyList<TenantDefinition> Tenants => _snapshot.Tenants;

    public TenantDefinition? Find(string slug) => _snapshot.BySlug.GetValueOrDefault(slug);

    public TenantStatus StatusOf(string slug) => _snapshot.Status.GetValueOrDefault(slug, TenantStatus.Active);

    /// <summary>
    /// Raised on the reloading thread after each reload of the database part has been swapped in,
    /// so that what hangs off a tenant's channels (the embedded LINE emulator) can follow changes.
    /// </summary>
    public event EventHandler? Reloaded;

    /// <summary>True for a tenant whose definition comes from <c>tenants/&lt;slug&gt;/tenant.yml</c>.</summary>
    public bool IsDefinedInFiles(string slug) => _files.Any(f => f.Slug == slug);

    internal IReadOnlyList<TenantFile> Files => _files;

    internal void SetStatus(string slug, TenantStatus status)
    {
        lock (_statusWrite)
        {
            var current = _snapshot;
            var statuses = new Dictionary<string, TenantStatus>(current.Status) { [slug] = status };
            _snapshot = current with { Status = statuses.ToFrozenDictionary() };
        }
    }

    /// <summary>Replaces the database part: stored tenants, their channels and every tenant's status.</summary>
    internal void Apply(IReadOnlyList<StoredTenant> stored)
    {
        var storedBySlug = stored.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        var fromFiles = _files.Select(f => Define(
            f.Slug, f.Name, f.NameEn, f.DirectoryPath, f.Environments, storedBySlug.GetValueOrDefault(f.Slug)?.Channels));
        var fromDatabase = stored
            .Where(s => !IsDefinedInFiles(s.Slug))
            .Select(s => Define(s.Slug, s.Name, s.NameEn, "", s.Environments, s.Channels));
        var snapshot = new Snapshot(
            fromFiles.Concat(fromDatabase).ToList(),
            stored.ToFrozenDictionary(s => s.Slug, s => s.Status, StringComparer.Ordinal));
        lock (_statusWrite)
        {
            _snapshot = snapshot;
        }

        Reloaded?.Invoke(this, EventArgs.Empty);
    }

    public static TenantCatalog Load(IConfiguration configuration)
    {
        var directory = configuration["Tenants:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "tenants");
        var emulatorUrl = new Uri(configuration["Emulator:Url"] ?? LineSettingsReader.DefaultEmulatorUrl);
        return new TenantCatalog(TenantFileLoader.LoadAll(directory), configuration, emulatorUrl);
    }

    private TenantDefinition Define(
        string slug, string name, string nameEn, string directoryPath, IReadOnlyList<string> environments,
        IReadOnlyDictionary<string, LineChannelInput>? channels) =>
        new(slug, name, nameEn, directoryPath, environments
            .Select(env => new TenantEnvironment(env, LineSettingsReader.Read(_configuration, slug, env, _emulatorUrl, channels?.GetValueOrDefault(env))))
            .ToList());

    private sealed record Snapshot(IReadOnlyList<TenantDefinition> Tenants, IReadOnlyDictionary<string, TenantStatus> Status)
    {
        public FrozenDictionary<string, TenantDefinition> BySlug { get; } = Tenants.ToFrozenDictionary(t => t.Slug, StringComparer.Ordinal);
    }
}

/// <summary>A tenant's database part, channel credentials decrypted.</summary>
internal sealed record StoredTenant(
    string Slug,
    string Name,
    string NameEn,
    IReadOnlyList<string> Environments,
    TenantStatus Status,
    IReadOnlyDictionary<string, LineChannelInput> Channels);
