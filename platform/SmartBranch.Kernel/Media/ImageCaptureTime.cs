using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// When a photograph was taken, read from its EXIF data before <see cref="ImageReencoder"/> drops all metadata, so
/// the time can be kept as a field of its own. Cameras write a local time; one without an offset
/// (<c>OffsetTimeOriginal</c>) is taken as Japan time, where residents take their photos.
/// </summary>
public static class ImageCaptureTime
{
    /// <summary>The capture time in UTC, or null when the image carries none (or none that parses).</summary>
    public static DateTimeOffset? Read(ReadOnlyMemory<byte> image)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            using var stream = new MemoryStream(image.ToArray(), writable: false);
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException)
        {
            return null;
        }

        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var local = exif?.GetString(ExifDirectoryBase.TagDateTimeOriginal) ?? exif?.GetString(ExifDirectoryBase.TagDateTimeDigitized);
        if (local is null
            || !DateTime.TryParseExact(local.Trim(), "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var taken))
        {
            return null;
        }

        var offset = exif!.GetString(ExifDirectoryBase.TagTimeZoneOriginal) is { } text && TryParseOffset(text, out var parsed)
            ? parsed
            : JapanTime.Offset;
        return new DateTimeOffset(taken, offset).ToUniversalTime();
    }

    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        text = text.Trim();
        if (text.Length != 6 || text[0] is not ('+' or '-'))
        {
            return false;
        }

        if (!TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude) || magnitude > TimeSpan.FromHours(14))
        {
            return false;
        }

        offset = text[0] == '-' ? -magnitude : magnitude;
        return true;
    }
}
