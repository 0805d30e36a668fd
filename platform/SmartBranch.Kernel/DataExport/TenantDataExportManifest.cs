namespace SmartBranch.Kernel.DataExport;

/// <summary><c>manifest.json</c>: the archive described for machines, every written file with its rows, size and SHA-256.</summary>
internal sealed record TenantDataExportManifest(
    string Format,
    int Version,
    ManifestTenant Tenant,
    IReadOnlyList<string> Environments,
    string CreatedAt,
    IReadOnlyList<ManifestPart> Parts)
{
    public const string FileName = "manifest.json";
    public const string FormatName = "smartbranch-tenant-data-export";
    public const int CurrentVersion = 1;

    public static TenantDataExportManifest Create(
        TenantExportSubject subject, DateTimeOffset createdAt, IReadOnlyList<TenantDataExportPart> parts, IReadOnlyList<ExportedFile> written) =>
        new(FormatName, CurrentVersion, new ManifestTenant(subject.Slug, subject.Name, subject.NameEn), subject.Environments,
            ExportValues.Time(createdAt)!,
            [.. parts.Select(part => new ManifestPart(
                part.Id, part.ContributedBy, Text(part.NameJa, part.NameEn), Text(part.DescriptionJa, part.DescriptionEn),
                part.Scope == TenantDataExportScope.Environment ? "environment" : "tenant",
                [.. part.Files.Select(file => new ManifestFile(
                    file.Name, file.Format.ToString().ToLowerInvariant(), Text(file.DescriptionJa, file.DescriptionEn),
                    [.. file.Columns.Select(c => new ManifestColumn(c.Name, Text(c.DescriptionJa, c.DescriptionEn)))],
                    [.. written.Where(w => w.PartId == part.Id && w.FileName == file.Name)
                        .Select(w => new ManifestWrittenFile(w.Path, w.EnvironmentName, w.Rows, w.Bytes, w.Sha256))]))]))]);

    private static ManifestText Text(string ja, string en) => new(ja, en);
}

internal sealed record ManifestTenant(string Slug, string Name, string NameEn);

internal sealed record ManifestText(string Ja, string En);

internal sealed record ManifestPart(
    string Id, string ContributedBy, ManifestText Name, ManifestText Description, string Scope, IReadOnlyList<ManifestFile> Files);

internal sealed record ManifestFile(
    string Name, string Format, ManifestText Description, IReadOnlyList<ManifestColumn> Columns, IReadOnlyList<ManifestWrittenFile> Written);

internal sealed record ManifestColumn(string Name, ManifestText Description);

internal sealed record ManifestWrittenFile(string Path, string? Environment, long? Rows, long Bytes, string Sha256);

/// <summary>The tenant an export is of, as the archive names it.</summary>
internal sealed record TenantExportSubject(string Slug, string Name, string NameEn, IReadOnlyList<string> Environments);
