using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// Names of stored files: 128 random bits in base64url, so a name cannot be guessed from another, with
/// <c>.jpg</c> for an image's original, <c>-preview.jpg</c> for its preview and <c>.pdf</c> for a document. A private
/// image's names (<c>-private.jpg</c>, <c>-private-preview.jpg</c>) are not image names to the public <c>/media</c>
/// route: only the module that owns the image serves it, to whom it may.
/// </summary>
public static partial class MediaFileName
{
    private const string PreviewSuffix = "-preview";
    private const string Extension = ".jpg";
    private const string DocumentExtension = ".pdf";
    private const string PrivateSuffix = "-private";

    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string Original(string id) => id + Extension;

    public static string Preview(string id) => id + PreviewSuffix + Extension;

    public static string Document(string id) => id + DocumentExtension;

    public static string PrivateOriginal(string id) => id + PrivateSuffix + Extension;

    public static string PrivatePreview(string id) => id + PrivateSuffix + PreviewSuffix + Extension;

    /// <summary>Every name an image of this id may be stored under, public or private, original or preview.</summary>
    public static IReadOnlyList<string> ImageVariants(string id) => [Original(id), Preview(id), PrivateOriginal(id), PrivatePreview(id)];

    /// <summary>True for an id <see cref="NewId"/> makes.</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    /// <summary>True only for a name this class makes; anything else (paths, dots, other extensions) is refused.</summary>
    public static bool IsValid(string fileName) => IsImage(fileName) || DocumentPattern().IsMatch(fileName) || PrivatePattern().IsMatch(fileName);

    /// <summary>True only for an image name this class makes (an original or a preview).</summary>
    public static bool IsImage(string fileName) => ImagePattern().IsMatch(fileName);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}(-preview)?\.jpg$", RegexOptions.CultureInvariant)]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}\.pdf$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}-private(-preview)?\.jpg$", RegexOptions.CultureInvariant)]
    private static partial Regex PrivatePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
