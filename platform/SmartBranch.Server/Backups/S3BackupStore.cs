using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using SmartBranch.Kernel.Storage;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Backups as objects under <c>Backups:S3:Prefix</c>, streamed in parts of <see cref="PartSize"/> so a dump of
/// any size never sits in memory whole. A multipart upload stays invisible until it is completed, and it is
/// completed only after the backup's last byte and its manifest are stored: a crash leaves nothing that looks
/// like a backup (an abandoned upload is aborted here, or by the bucket's lifecycle rule).
/// </summary>
internal sealed class S3BackupStore(S3StorageOptions options) : IBackupStore, IDisposable
{
    /// <summary>S3's smallest part is 5 MiB; 8 MiB keeps a 10 000-part upload above 75 GiB.</summary>
    private const int PartSize = 8 * 1024 * 1024;

    private const string FailureNote = "last-failure";

    private readonly IAmazonS3 _client = options.CreateClient($"{BackupOptions.Section}:S3");

    public string Location => options.Location;

    public async Task<IReadOnlyList<BackupFile>> ListAsync(CancellationToken cancellationToken)
    {
        var backups = new List<BackupFile>();
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = options.Prefix + "smartbranch-" };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, cancellationToken);
            backups.AddRange((response.S3Objects ?? [])
                .Select(o => BackupFile.Parse(o.Key[options.Prefix.Length..], o.Size ?? 0))
                .OfType<BackupFile>());
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return backups.OrderByDescending(b => b.CreatedAt).ToList();
    }

    public async Task<BackupFile> WriteAsync(string provider, DateTimeOffset createdAt, Func<Stream, Task<BackupManifest>> write, CancellationToken cancellationToken)
    {
        var name = BackupFile.NameFor(provider, createdAt);
        var upload = new PartUpload(_client, options.Bucket, options.Prefix + name, PartSize);
        try
        {
            var manifest = await StreamPipe.RunAsync(write, content => upload.SendAsync(content, cancellationToken));
            await PutAsync(BackupFile.ManifestNameOf(name), manifest.ToJson(), cancellationToken);
            await upload.CompleteAsync(cancellationToken);
        }
        catch
        {
            await upload.AbortAsync();
            throw;
        }

        return BackupFile.Parse(name, upload.Size)!;
    }

    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        if (BackupFile.Parse(name, 0) is null)
        {
            throw new FileNotFoundException($"No backup named {name} in {Location}.");
        }

        try
        {
            var response = await _client.GetObjectAsync(options.Bucket, options.Prefix + name, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"No backup named {name} in {Location}.", e);
        }
    }

    public async Task<BackupManifest?> ReadManifestAsync(BackupFile backup, CancellationToken cancellationToken) =>
        await GetAsync(backup.ManifestName, cancellationToken) is { } json ? BackupManifest.FromJson(json) : null;

    public async Task DeleteAsync(BackupFile backup, CancellationToken cancellationToken)
    {
        await _client.DeleteObjectAsync(options.Bucket, options.Prefix + backup.Name, cancellationToken);
        await _client.DeleteObjectAsync(options.Bucket, options.Prefix + backup.ManifestName, cancellationToken);
    }

    public Task RecordFailureAsync(DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        PutAsync(FailureNote, System.Text.Encoding.ASCII.GetBytes(DirectoryBackupStore.FormatTime(startedAt)), cancellationToken);

    public async Task<DateTimeOffset?> LastFailureAsync(CancellationToken cancellationToken) =>
        await GetAsync(FailureNote, cancellationToken) is { } note ? DirectoryBackupStore.ParseTime(System.Text.Encoding.ASCII.GetString(note)) : null;

    public void Dispose() => _client.Dispose();

    private async Task PutAsync(string name, byte[] content, CancellationToken cancellationToken) =>
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = options.Prefix + name,
            InputStream = new MemoryStream(content, writable: false),
            UseChunkEncoding = false,
        }, cancellationToken);

    private async Task<byte[]?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetObjectAsync(options.Bucket, options.Prefix + name, cancellationToken);
            using var content = new MemoryStream();
            await response.ResponseStream.CopyToAsync(content, cancellationToken);
            return content.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
