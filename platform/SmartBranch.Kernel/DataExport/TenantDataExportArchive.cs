using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartBranch.Kernel.DataExport;

/// <summary>One file the archive holds, as the manifest lists it.</summary>
internal sealed record ExportedFile(string PartId, string FileName, string? EnvironmentName, string Path, long? Rows, long Bytes, string Sha256);

/// <summary>
/// The ZIP as it streams out: entries are written one after another straight to the output (ZIP's
/// data descriptors need no seeking), so memory stays small whatever the tenant's size.
/// </summary>
internal sealed partial class TenantDataExportArchive : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Japanese stays readable in the files; they are data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly SyncWriteBufferingStream _output;
    private readonly ZipArchive _zip;
    private readonly DateTimeOffset _createdAt;
    private readonly List<ExportedFile> _written = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    private TenantDataExportArchive(SyncWriteBufferingStream output, ZipArchive zip, DateTimeOffset createdAt)
    {
        _output = output;
        _zip = zip;
        _createdAt = createdAt;
    }

    public IReadOnlyList<ExportedFile> Written => _written;

    public static async Task<TenantDataExportArchive> CreateAsync(Stream output, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var buffered = new SyncWriteBufferingStream(output);
        return new(buffered, await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken), createdAt);
    }

    public ITenantDataExportWriter WriterFor(TenantDataExportPart part, string tenantSlug, string? environmentName) =>
        new PartWriter(this, part, tenantSlug, environmentName);

    /// <summary>A file outside any part (README.txt, manifest.json), not listed in the manifest.</summary>
    public Task WriteRootFileAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        WriteEntryAsync(path, CompressionLevel.Optimal, write, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _zip.DisposeAsync();
        await _output.DisposeAsync();
    }

    private async Task<(long Bytes, string Sha256)> WriteEntryAsync(
        string path, CompressionLevel compression, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var entry = _zip.CreateEntry(path, compression);
        entry.LastWriteTime = _createdAt;
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var hashing = new HashingWriteStream(stream);
        await write(hashing, cancellationToken);
        await hashing.FlushAsync(cancellationToken);
        return (hashing.BytesWritten, hashing.Sha256());
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeFileName();

    private sealed class PartWriter(TenantDataExportArchive archive, TenantDataExportPart part, string tenantSlug, string? environmentName)
        : ITenantDataExportWriter
    {
        public string TenantSlug => tenantSlug;

        public string? EnvironmentName => environmentName;

        private string Folder => environmentName is null ? part.Id : $"{environmentName}/{part.Id}";

        public async Task<long> WriteCsvAsync<T>(
            ExportFile file, IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<string?>> cells, CancellationToken cancellationToken)
        {
            Declared(file, ExportFileFormat.Csv);
            var count = 0L;
            await WriteAsync(file, $"{Folder}/{file.Name}", CompressionLevel.Optimal, () => count, async (stream, token) =>
            {
                await using var writer = new StreamWriter(stream, CsvFormat.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
                writer.NewLine = CsvFormat.NewLine;
                await writer.WriteLineAsync(CsvFormat.Row(file.Columns.Select(c => c.Name)));
                await foreach (var row in rows.WithCancellation(token))
                {
                    var values = cells(row);
                    if (values.Count != file.Columns.Count)
                    {
                        throw new InvalidOperationException(
                            $"{part.Id}/{file.Name} declares {file.Columns.Count} columns but a row has {values.Count}.");
                    }

                    await writer.WriteLineAsync(CsvFormat.Row(values));
                    count++;
                }

                await writer.FlushAsync(token);
            }, cancellationToken);
            return count;
        }

        public Task WriteJsonAsync<T>(ExportFile file, T value, CancellationToken cancellationToken)
        {
            Declared(file, ExportFileFormat.Json);
            return WriteAsync(file, $"{Folder}/{file.Name}", CompressionLevel.Optimal, () => null,
                (stream, token) => JsonSerializer.SerializeAsync(stream, value, Json, token), cancellationToken);
        }

        public Task WriteMediaAsync(ExportFile folder, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            Declared(folder, ExportFileFormat.Media);
            if (!SafeFileName().IsMatch(fileName) || fileName.Contains("..", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{fileName}' is not a safe media file name (letters, digits, . _ -).", nameof(fileName));
            }

            // Photos and documents are compressed already; deflating them again only costs time.
            return WriteAsync(folder, $"{Folder}/{folder.Name}/{fileName}", CompressionLevel.NoCompression, () => null, write, cancellationToken);
        }

        private async Task WriteAsync(
            ExportFile file, string path, CompressionLevel compression, Func<long?> rows, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            if (!archive._paths.Add(path))
            {
                throw new InvalidOperationException($"{path} has been written already.");
            }

            var (bytes, sha256) = await archive.WriteEntryAsync(path, compression, write, cancellationToken);
            archive._written.Add(new ExportedFile(part.Id, file.Name, environmentName, path, rows(), bytes, sha256));
        }

        private void Declared(ExportFile file, ExportFileFormat format)
        {
            if (!part.Files.Contains(file) || file.Format != format)
            {
                throw new ArgumentException($"The part '{part.Id}' declares no {format} file '{file.Name}'.", nameof(file));
            }
        }
    }
}
