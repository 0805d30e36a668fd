using SmartBranch.Kernel.Storage;

namespace SmartBranch.Kernel.Media;

/// <summary>Configuration section <c>Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    public StoreKind Store { get; set; } = StoreKind.Directory;

    /// <summary>Where the file-system media store keeps uploaded images; relative to the content root.</summary>
    public string Directory { get; set; } = ".data/media";

    /// <summary>The bucket when <see cref="Store"/> is <see cref="StoreKind.S3"/>.</summary>
    public S3StorageOptions S3 { get; set; } = new();
}
