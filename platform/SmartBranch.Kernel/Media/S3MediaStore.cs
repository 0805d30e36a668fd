using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// Media as objects <c>{Media:S3:Prefix}{tenant}/{env}/{file}</c>. A PUT becomes visible whole or not at
/// all, and <c>If-None-Match: *</c> makes the store refuse to replace an object that exists.
/// </summary>
internal sealed class S3MediaStore(IOptions<MediaOptions> options) : IMediaStore, IDisposable
{
    private readonly IAmazonS3 _client = options.Value.S3.CreateClient($"{MediaOptions.Section}:S3");

    public async Task SaveAsync(MediaKey key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = options.Value.S3.Bucket,
            Key = ObjectKey(key),
            InputStream = new MemoryStream(content.ToArray(), writable: false),
            UseChunkEncoding = false,
            ContentType = "image/jpeg",
            IfNoneMatch = "*",
        };
        try
        {
            await _client.PutObjectAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
            throw new IOException($"The media file {key.FileName} exists already.", e);
        }
    }

    public async Task<Stream?> OpenReadAsync(MediaKey key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(options.Value.S3.Bucket, ObjectKey(key), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>S3 answers 204 whether or not the object was there.</summary>
    public Task DeleteAsync(MediaKey key, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(options.Value.S3.Bucket, ObjectKey(key), cancellationToken);

    public void Dispose() => _client.Dispose();

    private string ObjectKey(MediaKey key)
    {
        if (!key.IsStorable)
        {
            throw new ArgumentException("Not a media key this store can hold.", nameof(key));
        }

        return $"{options.Value.S3.Prefix}{key.TenantSlug}/{key.EnvironmentName}/{key.FileName}";
    }
}
