namespace SmartBranch.Kernel.Media;

/// <summary>
/// Stores an image staff upload for residents to see in LINE: the type is sniffed from the bytes, the size
/// limited, the metadata (EXIF, location) dropped by re-encoding, and the result sized to LINE's limits for
/// an image message's original and preview.
/// </summary>
public interface IImageUploads
{
    /// <exception cref="ImageRejectedException">The file is not an image LINE can show, or is too large.</exception>
    Task<StoredImage> StoreAsync(Stream content, CancellationToken cancellationToken);
}

/// <summary>Public HTTPS addresses LINE fetches the image from.</summary>
public sealed record StoredImage(string OriginalUrl, string PreviewUrl);

/// <summary>Why an upload was refused, in Japanese for the staff member who chose the file.</summary>
public sealed class ImageRejectedException(string message) : Exception(message);
