namespace SmartBranch.Kernel.Media;

/// <summary>Configuration section <c>Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where the file-system media store keeps uploaded images; relative to the content root.</summary>
    public string Directory { get; set; } = ".data/media";
}
