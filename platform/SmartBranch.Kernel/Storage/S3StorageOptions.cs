using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace SmartBranch.Kernel.Storage;

/// <summary>
/// Where in an S3-compatible store a kind of object lives (<c>Backups:S3</c>, <c>Media:S3</c>). Without
/// <see cref="AccessKeyId"/> the credentials come from the AWS SDK's default chain (environment, profile,
/// the ECS task role), which is how a deployment on AWS runs; keys in configuration are for other stores.
/// </summary>
public sealed class S3StorageOptions
{
    public string Bucket { get; set; } = "";

    /// <summary>Prepended to every object key, e.g. <c>backups/</c>; empty for the bucket's root.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>The AWS region, e.g. <c>ap-northeast-1</c>; also signs requests to an S3-compatible store.</summary>
    public string? Region { get; set; }

    /// <summary>The endpoint of an S3-compatible store (MinIO, a cloud's S3 API); empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Addresses the bucket in the path (<c>host/bucket/key</c>), as most S3-compatible stores need.</summary>
    public bool ForcePathStyle { get; set; }

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Where objects go, for messages and the console: never the credentials.</summary>
    public string Location => $"s3://{Bucket}/{Prefix}";

    /// <exception cref="InvalidOperationException">The section lacks a bucket, or has half a key pair.</exception>
    public IAmazonS3 CreateClient(string section)
    {
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            throw new InvalidOperationException($"{section}:Bucket is not set.");
        }

        if (string.IsNullOrEmpty(AccessKeyId) != string.IsNullOrEmpty(SecretAccessKey))
        {
            throw new InvalidOperationException($"{section}:AccessKeyId and {section}:SecretAccessKey go together: set both, or neither to use the default AWS credentials.");
        }

        var config = new AmazonS3Config
        {
            ForcePathStyle = ForcePathStyle,
            // S3-compatible stores do not all understand the SDK's default trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrEmpty(ServiceUrl))
        {
            config.ServiceURL = ServiceUrl;
            config.AuthenticationRegion = Region;
        }
        else if (!string.IsNullOrEmpty(Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }

        return string.IsNullOrEmpty(AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(AccessKeyId, SecretAccessKey), config);
    }
}
