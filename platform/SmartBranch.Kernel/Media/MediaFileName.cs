using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// Names of stored images: 128 random bits in base64url, so a name cannot be guessed from another, with
/// <c>.jpg</c> for the original and <c>-preview.jpg</c> for its preview.
/// </summary>
public static partial class MediaFileName
{
    private const string PreviewSuffix = "-preview";
    private const string Extension = ".jpg";

    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string Original(string id) => id + Extension;

    public static string Preview(string id) => id + PreviewSuffix + Extension;

    /// <summary>True only for a name this class makes; anything else (paths, dots, other extensions) is refused.</summary>
    public static bool IsValid(string fileName) => Pattern().IsMatch(fileName);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}(-preview)?\.jpg$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
