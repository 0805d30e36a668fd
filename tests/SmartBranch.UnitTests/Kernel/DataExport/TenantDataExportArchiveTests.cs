using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SmartBranch.Kernel.DataExport;

namespace SmartBranch.UnitTests.Kernel.DataExport;

/// <summary>The archive a contributor writes into: declared files only, rows as declared, media kept safe and listed.</summary>
public sealed class TenantDataExportArchiveTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ExportFile Rows = new("rows.csv", ExportFileFormat.Csv, "行", "Rows",
        [new("id", "ID", "Id"), new("note", "メモ", "Note")]);

    private static readonly ExportFile Photos = new("photos", ExportFileFormat.Media, "写真", "Photos", []);

    private static readonly TenantDataExportPart Part = new(
        "sample", "sample-module", "見本", "Sample", "見本の部分", "A sample part", TenantDataExportScope.Environment, [Rows, Photos]);

    [Fact]
    public async Task Files_go_to_the_environments_part_folder_and_are_listed_with_rows_size_and_hash()
    {
        using var output = new NonSeekableStream();
        var photo = RandomNumberGenerator.GetBytes(4096);
        IReadOnlyList<ExportedFile> written;
        await using (var archive = await TenantDataExportArchive.CreateAsync(output, CreatedAt, CancellationToken.None))
        {
            var writer = archive.WriterFor(Part, "hirakawa", "staging");
            await writer.WriteCsvAsync(Rows, Items(("1", "=1+1"), ("2", "普通のメモ, 改行\nあり")), r => [r.Item1, r.Item2], CancellationToken.None);
            await writer.WriteMediaAsync(Photos, "1.jpg", (s, t) => s.WriteAsync(photo, t).AsTask(), CancellationToken.None);
            written = archive.Written;
        }

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        var csv = Read(zip, "staging/sample/rows.csv");
        Assert.Equal("id,note\r\n1,'=1+1\r\n2,\"普通のメモ, 改行\nあり\"\r\n", csv);
        Assert.Equal(photo, ReadBytes(zip, "staging/sample/photos/1.jpg"));
        Assert.Equal(
            [("staging/sample/rows.csv", (long?)2), ("staging/sample/photos/1.jpg", null)],
            written.Select(w => (w.Path, w.Rows)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), written[1].Sha256);
    }

    [Fact]
    public async Task A_file_the_part_did_not_declare_or_a_row_of_the_wrong_width_is_refused()
    {
        using var output = new NonSeekableStream();
        await using var archive = await TenantDataExportArchive.CreateAsync(output, CreatedAt, CancellationToken.None);
        var writer = archive.WriterFor(Part, "hirakawa", null);
        var undeclared = Rows with { Name = "other.csv" };

        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteCsvAsync(undeclared, Items(("1", "x")), r => [r.Item1, r.Item2], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteJsonAsync(Rows, new { id = 1 }, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteCsvAsync(Rows, Items(("1", "x")), r => [r.Item1], CancellationToken.None));
    }

    [Theory]
    [InlineData("../escape.jpg")]
    [InlineData("sub/dir.jpg")]
    [InlineData(".hidden")]
    [InlineData("")]
    public async Task A_media_name_that_could_leave_its_folder_is_refused(string fileName)
    {
        using var output = new NonSeekableStream();
        await using var archive = await TenantDataExportArchive.CreateAsync(output, CreatedAt, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => archive.WriterFor(Part, "hirakawa", "production")
            .WriteMediaAsync(Photos, fileName, (_, _) => Task.CompletedTask, CancellationToken.None));
    }

    [Fact]
    public void The_readme_explains_every_column_in_both_languages()
    {
        var subject = new TenantExportSubject("hirakawa", "平川市", "Hirakawa City", ["production", "staging"]);
        var written = new[] { new ExportedFile("sample", "rows.csv", "production", "production/sample/rows.csv", 3, 10, "") };

        var readme = TenantDataExportReadme.Write(subject, CreatedAt, [Part], written);

        Assert.Contains("■ 見本 [sample]（提供: sample-module、環境ごと）", readme, StringComparison.Ordinal);
        Assert.Contains("* Sample [sample] (contributed by sample-module; per environment)", readme, StringComparison.Ordinal);
        Assert.Contains("<environment>/sample/rows.csv", readme, StringComparison.Ordinal);
        Assert.Matches(@"note\s+メモ", readme);
        Assert.Matches(@"note\s+Note", readme);
        Assert.Contains("production/sample/rows.csv (3 rows)", readme, StringComparison.Ordinal);
        Assert.Contains("作成日時: 2026-04-01 09:00:00（日本時間）", readme, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<(string, string)> Items(params (string, string)[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static string Read(ZipArchive zip, string path) => Encoding.UTF8.GetString(ReadBytes(zip, path)).TrimStart('\uFEFF');

    private static byte[] ReadBytes(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>An HTTP response body: no seeking, and no synchronous writes.</summary>
    private sealed class NonSeekableStream : Stream
    {
        private readonly MemoryStream _data = new();

        public override bool CanSeek => false;

        public override bool CanRead => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => _data.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _data.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() => throw new InvalidOperationException("Synchronous flush.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _data.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
