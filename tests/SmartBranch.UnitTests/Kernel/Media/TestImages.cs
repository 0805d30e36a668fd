using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace SmartBranch.UnitTests.Kernel.Media;

/// <summary>Pictures made on the spot, as a phone would produce them: JPEG with EXIF (orientation, GPS), PNG.</summary>
internal static class TestImages
{
    /// <summary>Written into the EXIF description, to prove no byte of the metadata survives.</summary>
    public const string Marker = "HIRAKAWA-EXIF-MARKER";

    /// <summary>Left half red, right half blue.</summary>
    public static SKBitmap RedLeftBlueRight(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var red = new SKPaint { Color = SKColors.Red };
        using var blue = new SKPaint { Color = SKColors.Blue };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        return bitmap;
    }

    /// <summary>Random colours in 4-pixel squares: a picture that compresses badly, as a busy photograph does.</summary>
    public static SKBitmap Noise(int width, int height)
    {
        var random = new Random(7);
        var squares = new SKBitmap(width / 4, height / 4);
        for (var y = 0; y < squares.Height; y++)
        {
            for (var x = 0; x < squares.Width; x++)
            {
                squares.SetPixel(x, y, new SKColor((uint)random.Next() | 0xFF000000));
            }
        }

        using (squares)
        {
            return squares.Resize(new SKSizeI(width, height), new SKSamplingOptions(SKFilterMode.Nearest))!;
        }
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)!;
        Assert.InRange(data.Size, 0, SmartBranch.Kernel.Media.ImageReencoder.MaxUploadBytes);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF block (APP1) holding the orientation, a GPS position and a description.</summary>
    public static byte[] JpegWithExif(SKBitmap bitmap, ushort orientation)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95)!;
        var jpeg = data.ToArray();
        var exif = Exif(orientation);
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A JPEG whose EXIF says when it was taken (<c>DateTimeOriginal</c>) and, optionally, in which offset (<c>OffsetTimeOriginal</c>).</summary>
    public static byte[] JpegTakenAt(SKBitmap bitmap, string localTime, string? offset)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95)!;
        var jpeg = data.ToArray();
        var exif = CaptureTimeExif(localTime, offset);
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>True when a JPEG holds an APP1 segment (EXIF or XMP) anywhere before its image data.</summary>
    public static bool HasApp1Segment(byte[] jpeg)
    {
        var position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF)
        {
            var marker = jpeg[position + 1];
            if (marker == 0xE1)
            {
                return true;
            }

            if (marker == 0xDA)
            {
                return false;
            }

            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }

        return false;
    }

    public static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    /// <summary>"Exif\0\0" and a little-endian TIFF: IFD0 (description, orientation, GPS pointer), then the GPS IFD (latitude N 40°36′0″).</summary>
    private static byte[] Exif(ushort orientation)
    {
        var description = Encoding.ASCII.GetBytes(Marker + "\0");
        const int ifd0 = 8;
        const int ifd0Size = 2 + (3 * 12) + 4;
        const int gpsIfd = ifd0 + ifd0Size;
        const int gpsIfdSize = 2 + (2 * 12) + 4;
        const int latitude = gpsIfd + gpsIfdSize;
        const int descriptionOffset = latitude + 24;

        var tiff = new byte[descriptionOffset + description.Length];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], ifd0);

        BinaryPrimitives.WriteUInt16LittleEndian(span[ifd0..], 3);
        Entry(span[(ifd0 + 2)..], tag: 0x010E, type: 2, count: (uint)description.Length, value: descriptionOffset);
        Entry(span[(ifd0 + 14)..], tag: 0x0112, type: 3, count: 1, value: orientation);
        Entry(span[(ifd0 + 26)..], tag: 0x8825, type: 4, count: 1, value: gpsIfd);

        BinaryPrimitives.WriteUInt16LittleEndian(span[gpsIfd..], 2);
        Entry(span[(gpsIfd + 2)..], tag: 0x0001, type: 2, count: 2, value: 'N');
        Entry(span[(gpsIfd + 14)..], tag: 0x0002, type: 5, count: 3, value: latitude);
        uint[] rationals = [40, 1, 36, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(latitude + (i * 4))..], rationals[i]);
        }

        description.CopyTo(span[descriptionOffset..]);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    /// <summary>"Exif\0\0" and a little-endian TIFF: IFD0 with only the Exif IFD pointer, then the Exif IFD with the capture time.</summary>
    private static byte[] CaptureTimeExif(string localTime, string? offset)
    {
        var time = Encoding.ASCII.GetBytes(localTime + "\0");
        var zone = offset is null ? [] : Encoding.ASCII.GetBytes(offset + "\0");
        var entries = offset is null ? 1 : 2;
        const int ifd0 = 8;
        const int exifIfd = ifd0 + 2 + 12 + 4;
        var timeOffset = exifIfd + 2 + (entries * 12) + 4;
        var zoneOffset = timeOffset + time.Length;

        var tiff = new byte[zoneOffset + zone.Length];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], ifd0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[ifd0..], 1);
        Entry(span[(ifd0 + 2)..], tag: 0x8769, type: 4, count: 1, value: exifIfd);

        BinaryPrimitives.WriteUInt16LittleEndian(span[exifIfd..], (ushort)entries);
        Entry(span[(exifIfd + 2)..], tag: 0x9003, type: 2, count: (uint)time.Length, value: (uint)timeOffset);
        if (offset is not null)
        {
            Entry(span[(exifIfd + 14)..], tag: 0x9011, type: 2, count: (uint)zone.Length, value: (uint)zoneOffset);
        }

        time.CopyTo(span[timeOffset..]);
        zone.CopyTo(span[zoneOffset..]);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }
}
