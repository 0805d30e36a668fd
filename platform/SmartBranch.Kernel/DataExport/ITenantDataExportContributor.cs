namespace SmartBranch.Kernel.DataExport;

/// <summary>
/// A module's part of a tenant's data export (docs/data-export.md): what it describes in the
/// archive's README and manifest, and the files it writes. Register one per module
/// (<c>services.AddTenantDataExportContributor&lt;ResidentsDataExport&gt;()</c>); it is resolved in
/// the scope of the tenant (and, for <see cref="TenantDataExportScope.Environment"/> parts, of
/// each environment in turn), so its queries see only that tenant's rows.
/// </summary>
public interface ITenantDataExportContributor
{
    TenantDataExportPart Part { get; }

    /// <summary>Writes every file of <see cref="Part"/> that has data; rows streamed, never all loaded at once.</summary>
    Task WriteAsync(ITenantDataExportWriter writer, CancellationToken cancellationToken);
}

/// <summary>Whether a part is written once for the tenant or once per environment (production, staging).</summary>
public enum TenantDataExportScope
{
    Tenant,
    Environment,
}

/// <param name="Id">Lower-case, stable: the part's folder in the archive and the value admins choose.</param>
/// <param name="ContributedBy">The module id (<c>residents</c>), or <c>kernel</c> for the platform's own parts.</param>
/// <param name="Files">Every file the part may write; the archive refuses any other.</param>
public sealed record TenantDataExportPart(
    string Id,
    string ContributedBy,
    string NameJa,
    string NameEn,
    string DescriptionJa,
    string DescriptionEn,
    TenantDataExportScope Scope,
    IReadOnlyList<ExportFile> Files)
{
    public ExportFile File(string name) =>
        Files.SingleOrDefault(f => f.Name == name) ?? throw new ArgumentException($"The part '{Id}' declares no file '{name}'.", nameof(name));
}

public enum ExportFileFormat
{
    /// <summary>RFC 4180, UTF-8 with BOM, CRLF, a header row of the column names.</summary>
    Csv,

    /// <summary>UTF-8 JSON; <see cref="ExportFile.Columns"/> describe its properties.</summary>
    Json,

    /// <summary>A folder of binary files (photos, attachments) named by the module.</summary>
    Media,
}

/// <param name="Name">The file's name in its part's folder (<c>residents.csv</c>), or the media folder's (<c>photos</c>).</param>
public sealed record ExportFile(
    string Name,
    ExportFileFormat Format,
    string DescriptionJa,
    string DescriptionEn,
    IReadOnlyList<ExportColumn> Columns);

/// <param name="Name">ASCII snake_case, the CSV header or JSON property.</param>
public sealed record ExportColumn(string Name, string DescriptionJa, string DescriptionEn);
