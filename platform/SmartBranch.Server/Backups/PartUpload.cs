using Amazon.S3;
using Amazon.S3.Model;

namespace SmartBranch.Server.Backups;

/// <summary>
/// One object streamed to S3 in parts and made visible only by <see cref="CompleteAsync"/>. Content that fits
/// one part is held and sent as a single PUT at completion, since a multipart upload needs 5 MiB parts.
/// Bodies are signed whole, not as <c>aws-chunked</c> streams, which S3-compatible stores do not all decode.
/// </summary>
internal sealed class PartUpload(IAmazonS3 client, string bucket, string key, int partSize)
{
    private readonly List<PartETag> _parts = [];
    private byte[]? _single;
    private string? _uploadId;

    public long Size { get; private set; }

    /// <summary>Reads the content to its end, sending every full part as it fills.</summary>
    public async Task SendAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[partSize];
        while (true)
        {
            var length = await content.ReadAtLeastAsync(buffer, partSize, throwOnEndOfStream: false, cancellationToken);
            Size += length;
            if (_uploadId is null && length < partSize)
            {
                _single = buffer[..length];
                return;
            }

            if (length == 0)
            {
                return;
            }

            _uploadId ??= (await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, cancellationToken)).UploadId;
            var part = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = _uploadId,
                PartNumber = _parts.Count + 1,
                InputStream = new MemoryStream(buffer, 0, length, writable: false),
                UseChunkEncoding = false,
                PartSize = length,
            }, cancellationToken);
            _parts.Add(new PartETag(_parts.Count + 1, part.ETag));
            if (length < partSize)
            {
                return;
            }
        }
    }

    /// <summary>Makes the object visible, whole.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_uploadId is null)
        {
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = new MemoryStream(_single ?? [], writable: false),
                UseChunkEncoding = false,
            }, cancellationToken);
            return;
        }

        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = _uploadId,
            PartETags = _parts,
        }, cancellationToken);
    }

    /// <summary>Discards the parts sent so far; a store that misses this call drops them by its lifecycle rule.</summary>
    public async Task AbortAsync()
    {
        if (_uploadId is not null)
        {
            try
            {
                await client.AbortMultipartUploadAsync(bucket, key, _uploadId, CancellationToken.None);
            }
            catch (Amazon.Runtime.AmazonServiceException)
            {
                // The failure that brought us here is the one to report.
            }
        }
    }
}
