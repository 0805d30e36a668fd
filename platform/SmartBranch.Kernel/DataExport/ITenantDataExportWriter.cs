namespace SmartBranch.Kernel.DataExport;

/// <summary>
/// Where a contributor writes its files: into the archive as it streams out, one file at a time.
/// Files are placed in the part's folder (per environment for environment parts) and recorded in
/// the manifest with their size and SHA-256.
/// </summary>
public interface ITenantDataExportWriter
{
    string TenantSlug { get; }

    /// <summary>The environment being written; null for a tenant-wide part.</summary>
    string? EnvironmentName { get; }

    /// <summary>One CSV row per item; every row must have one cell per declared column.</summary>
    /// <returns>How many rows were written.</returns>
    Task<long> WriteCsvAsync<T>(ExportFile file, IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<string?>> cells, CancellationToken cancellationToken);

    Task WriteJsonAsync<T>(ExportFile file, T value, CancellationToken cancellationToken);

    /// <summary>One file of a media folder; <paramref name="fileName"/> is the module's (an id and an extension, never personal data).</summary>
    Task WriteMediaAsync(ExportFile folder, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);
}
