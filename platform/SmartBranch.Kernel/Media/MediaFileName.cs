using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// Names of stored files: 128 random bits in base64url, so a name cannot be guessed from another, with
/// <c>.jpg</c> for an image's original, <c>-preview.jpg</c> for its preview and <c>.pdf</c> for a document.
/// </summary>
public static partial class MediaFileName
{
    private const string PreviewSuffix = "-preview";
    private const string Extension = ".jpg";
    private const string DocumentExtension = ".pdf";

    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string Original(string id) => id + Extension;

    public static string Preview(string id) => id + PreviewSuffix + Extension;

    public static string Document(string id) => id + DocumentExtension;

    /// <summary>True only for a name this class makes; anything else (paths, dots, other extensions) is refused.</summary>
    public static bool IsValid(string fileName) => IsImage(fileName) || DocumentPattern().IsMatch(fileName);

    /// <summary>True only for an image name this class makes (an original or a preview).</summary>
    public static bool IsImage(string fileName) => ImagePattern().IsMatch(fileName);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}(-preview)?\.jpg$", RegexOptions.CultureInvariant)]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}\.pdf$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentPattern();
}
