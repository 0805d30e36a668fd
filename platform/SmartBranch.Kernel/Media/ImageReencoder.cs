using SkiaSharp;

namespace SmartBranch.Kernel.Media;

/// <summary>
/// Turns an uploaded file into the two JPEGs LINE's image message needs. The type is sniffed from the
/// first bytes (never the file name); the picture is decoded, turned upright by its EXIF orientation,
/// scaled and encoded afresh, so no metadata of the original (EXIF, GPS, comments, ICC profiles) survives.
/// </summary>
public static class ImageReencoder
{
    /// <summary>LINE's limit for an image message's original, and ours for an upload.</summary>
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>LINE's limit for an image message's preview.</summary>
    public const int MaxPreviewBytes = 1024 * 1024;

    /// <summary>Wide enough for any phone screen; larger only costs residents' data.</summary>
    public const int OriginalLongSide = 2048;

    public const int PreviewLongSide = 240;

    /// <summary>A decompression bomb's guard: a small PNG can claim a picture that would need gigabytes to decode.</summary>
    public const long MaxPixels = 50_000_000;

    private const int OriginalQuality = 88;
    private const int PreviewQuality = 80;
    private const int LowestQuality = 40;

    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.Mitchell);

    /// <summary>Reads at most one byte past <see cref="MaxUploadBytes"/>, so an oversized file is refused without being held whole.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxUploadBytes)
            {
                break;
            }
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <exception cref="ImageRejectedException">Not a JPEG or PNG, too large, or unreadable.</exception>
    public static ReencodedImage Reencode(ReadOnlySpan<byte> upload)
    {
        if (upload.Length > MaxUploadBytes)
        {
            throw TooLarge();
        }

        if (!upload.StartsWith(JpegSignature) && !upload.StartsWith(PngSignature))
        {
            throw new ImageRejectedException("JPEG または PNG の画像を選んでください。ほかの種類のファイルは送れません。");
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw Unreadable();
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            throw new ImageRejectedException("画像の画素数が多すぎます（5,000 万画素まで）。小さくしてから選んでください。");
        }

        using var upright = DecodeUpright(codec);
        return new ReencodedImage(
            Encode(upright, OriginalLongSide, OriginalQuality, MaxUploadBytes),
            Encode(upright, PreviewLongSide, PreviewQuality, MaxPreviewBytes),
            upright.Width,
            upright.Height);
    }

    private static SKBitmap DecodeUpright(SKCodec codec)
    {
        // JPEG decodes at 1/2, 1/4 or 1/8 scale directly, which spares memory for large photographs.
        var scaled = codec.Info.Size;
        var longSide = Math.Max(scaled.Width, scaled.Height);
        if (longSide > OriginalLongSide && codec.GetScaledDimensions((float)OriginalLongSide / longSide) is var candidate
            && Math.Max(candidate.Width, candidate.Height) >= OriginalLongSide)
        {
            scaled = candidate;
        }

        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw Unreadable();
        }

        return Orient(decoded, codec.EncodedOrigin);
    }

    /// <summary>Draws the picture upright on white (JPEG has no transparency), as Skia's own orientation matrices do.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swapsSides ? source.Height : source.Width;
        var height = swapsSides ? source.Width : source.Height;
        var upright = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(OrientationMatrix(origin, width, height));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, Sampling);
        return upright;
    }

    /// <summary>Maps the stored picture onto an upright one of <paramref name="width"/> × <paramref name="height"/>.</summary>
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, float width, float height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static byte[] Encode(SKBitmap upright, int maxLongSide, int quality, int maxBytes)
    {
        var longSide = Math.Max(upright.Width, upright.Height);
        var factor = Math.Min(1.0, (double)maxLongSide / longSide);
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(upright.Width * factor)), Math.Max(1, (int)Math.Round(upright.Height * factor)));
        using var resized = (factor < 1.0 ? upright.Resize(size, Sampling) : upright.Copy()) ?? throw Unreadable();
        using var pixels = resized.PeekPixels();

        // A busy picture can exceed LINE's limit at a good quality; step the quality down rather than fail.
        for (var attempt = quality; attempt >= LowestQuality; attempt -= 12)
        {
            using var encoded = pixels.Encode(new SKJpegEncoderOptions(attempt, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                ?? throw Unreadable();
            if (encoded.Size <= maxBytes)
            {
                return encoded.ToArray();
            }
        }

        throw TooLarge();
    }

    private static ImageRejectedException TooLarge() =>
        new($"ファイルが大きすぎます（{MaxUploadBytes / 1024 / 1024} MB まで）。小さくしてから選んでください。");

    private static ImageRejectedException Unreadable() =>
        new("画像を読み取れませんでした。ファイルが壊れていないか確かめて、もう一度選んでください。");
}

/// <summary>The upright picture's size and its two JPEGs for LINE.</summary>
public sealed record ReencodedImage(byte[] Original, byte[] Preview, int Width, int Height);
