using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.DataExport;

/// <summary>
/// A tenant's data as one ZIP a city can take to another system (docs/data-export.md): every part
/// its modules contribute, for every environment, with README.txt and manifest.json. The caller
/// checks <c>tenant.export</c>.
/// </summary>
public interface ITenantDataExport
{
    /// <summary>Every part the installed modules contribute, in archive order.</summary>
    IReadOnlyList<TenantDataExportPart> Parts { get; }

    /// <summary>Records the export in the tenant's audit log, then streams the archive to <paramref name="output"/>.</summary>
    /// <param name="partIds">Ids from <see cref="Parts"/>; at least one.</param>
    /// <exception cref="ArgumentException">No part, or one no module contributes.</exception>
    Task ExportAsync(string tenantSlug, IReadOnlyCollection<string> partIds, Stream output, CancellationToken cancellationToken);
}

internal sealed class TenantDataExport(
    IEnumerable<ITenantDataExportContributor> contributors,
    IServiceScopeFactory scopeFactory,
    ITenantScopeFactory tenantScopes,
    ITenantCatalog catalog,
    AuditLog auditLog,
    TimeProvider clock) : ITenantDataExport
{
    public const string AuditAction = "tenant.data_exported";

    public IReadOnlyList<TenantDataExportPart> Parts { get; } = [.. contributors.Select(c => c.Part)];

    public async Task ExportAsync(string tenantSlug, IReadOnlyCollection<string> partIds, Stream output, CancellationToken cancellationToken)
    {
        var tenant = catalog.Find(tenantSlug) ?? throw new TenantNotFoundException($"Tenant '{tenantSlug}' does not exist.");
        var parts = Selected(partIds);
        var subject = new TenantExportSubject(tenant.Slug, tenant.Name, tenant.NameEn, [.. tenant.Environments.Select(e => e.Name)]);
        var createdAt = clock.GetUtcNow();

        // Recorded before the first byte leaves: a download cut short has still handed data over.
        await auditLog.RecordForTenantAsync(tenant.Slug, new AuditRecord(
            AuditAction, "tenant", tenant.Slug,
            $"自治体データを一括エクスポートしました（部分: {string.Join("、", parts.Select(p => p.Id))}／環境: {string.Join("、", subject.Environments)}）。",
            TouchesPersonalData: true), cancellationToken);

        await using var archive = await TenantDataExportArchive.CreateAsync(output, createdAt, cancellationToken);
        foreach (var part in parts)
        {
            if (part.Scope == TenantDataExportScope.Tenant)
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().Enter(tenant);
                await ContributorOf(scope, part).WriteAsync(archive.WriterFor(part, tenant.Slug, null), cancellationToken);
                continue;
            }

            foreach (var environment in subject.Environments)
            {
                await using var scope = tenantScopes.CreateScope(tenant.Slug, environment);
                await ContributorOf(scope, part).WriteAsync(archive.WriterFor(part, tenant.Slug, environment), cancellationToken);
            }
        }

        var readme = TenantDataExportReadme.Write(subject, createdAt, parts, archive.Written);
        var manifest = TenantDataExportManifest.Create(subject, createdAt, parts, archive.Written);
        await archive.WriteRootFileAsync(TenantDataExportReadme.FileName,
            async (stream, token) =>
            {
                await using var writer = new StreamWriter(stream, CsvFormat.Encoding, leaveOpen: true);
                await writer.WriteAsync(readme.AsMemory(), token);
            },
            cancellationToken);
        await archive.WriteRootFileAsync(TenantDataExportManifest.FileName,
            (stream, token) => System.Text.Json.JsonSerializer.SerializeAsync(stream, manifest, TenantDataExportArchive.Json, token),
            cancellationToken);
    }

    private List<TenantDataExportPart> Selected(IReadOnlyCollection<string> partIds)
    {
        if (partIds.Count == 0)
        {
            throw new ArgumentException("Choose at least one part to export.", nameof(partIds));
        }

        var unknown = partIds.Where(id => Parts.All(p => p.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"No module contributes the part(s) {string.Join(", ", unknown)}.", nameof(partIds));
        }

        return [.. Parts.Where(p => partIds.Contains(p.Id))];
    }

    private static ITenantDataExportContributor ContributorOf(AsyncServiceScope scope, TenantDataExportPart part) =>
        scope.ServiceProvider.GetServices<ITenantDataExportContributor>().Single(c => c.Part.Id == part.Id);
}
