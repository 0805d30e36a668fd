using SkiaSharp;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.Modules.RichMenus.Images;

/// <summary>What an uploaded file is, and what LINE would refuse about it as a rich menu image.</summary>
/// <param name="Problems">In Japanese, for the staff member who chose the file; empty when LINE would take it.</param>
/// <param name="CanFit">Whether <see cref="RichMenuImages.Fit"/> can make it acceptable by scaling and compressing.</param>
public sealed record RichMenuImageInspection(int Width, int Height, long Bytes, IReadOnlyList<string> Problems, bool CanFit)
{
    public bool IsAcceptable => Problems.Count == 0;
}

/// <summary>
/// LINE's rules for rich menu images (JPEG or PNG, 800–2,500 px wide, at least 250 px high, width/height at least
/// 1.45, at most 1 MB), the offer to scale and compress an image that breaks them, and the re-encoding every stored
/// image goes through, which drops its metadata (https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image).
/// </summary>
public static class RichMenuImages
{
    public const string ContentType = "image/jpeg";

    /// <summary>A decompression bomb's guard, as for every other upload.</summary>
    private const long MaxPixels = 50_000_000;
    private const int BestQuality = 92;
    private const int LowestQuality = 50;

    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.Mitchell);

    /// <exception cref="RichMenuImageException">Not a JPEG or PNG picture at all.</exception>
    public static RichMenuImageInspection Inspect(ReadOnlySpan<byte> file)
    {
        var (width, height) = ReadSize(file);
        var problems = new List<string>();
        if (width is < LineRichMenuLimits.MinImageWidth or > LineRichMenuLimits.MaxImageWidth)
        {
            problems.Add($"画像の幅は {LineRichMenuLimits.MinImageWidth}〜{LineRichMenuLimits.MaxImageWidth} ピクセルにしてください（いま {width} ピクセル）。");
        }

        if (height < LineRichMenuLimits.MinImageHeight)
        {
            problems.Add($"画像の高さは {LineRichMenuLimits.MinImageHeight} ピクセル以上にしてください（いま {height} ピクセル）。");
        }

        var ratio = (double)width / height;
        if (ratio < LineRichMenuLimits.MinAspectRatio)
        {
            problems.Add($"画像の横幅は高さの {LineRichMenuLimits.MinAspectRatio} 倍以上にしてください（いま {ratio:0.00} 倍）。横長の画像を作り直してください。");
        }

        if (file.Length > LineRichMenuLimits.MaxImageBytes)
        {
            problems.Add($"画像のファイルサイズは 1 MB 以下にしてください（いま {file.Length / 1024.0 / 1024.0:0.0} MB）。");
        }

        var canFit = ratio >= LineRichMenuLimits.MinAspectRatio
            && ratio <= (double)LineRichMenuLimits.MaxImageWidth / LineRichMenuLimits.MinImageHeight;
        return new RichMenuImageInspection(width, height, file.Length, problems, canFit);
    }

    /// <summary>
    /// The image scaled to a width LINE takes (down to 2,500 px, or up to 800 px and to 250 px high) and encoded as a
    /// JPEG of at most 1 MB. Only for images whose <see cref="RichMenuImageInspection.CanFit"/> is true.
    /// </summary>
    /// <exception cref="RichMenuImageException">The aspect ratio cannot be mended by scaling, or the file is unreadable.</exception>
    public static byte[] Fit(ReadOnlySpan<byte> file)
    {
        if (!Inspect(file).CanFit)
        {
            throw new RichMenuImageException(
                "この画像は縦横比が合わないため、拡大・縮小では LINE の条件（幅 800〜2500 ピクセル、高さ 250 ピクセル以上、横幅は高さの 1.45 倍以上）に収まりません。画像を作り直してください。");
        }

        using var source = Decode(file);
        var ratio = (double)source.Width / source.Height;
        var width = Math.Clamp(source.Width, LineRichMenuLimits.MinImageWidth, LineRichMenuLimits.MaxImageWidth);
        width = Math.Max(width, (int)Math.Ceiling(LineRichMenuLimits.MinImageHeight * ratio));
        var height = Math.Max(LineRichMenuLimits.MinImageHeight, (int)Math.Round(width / ratio));
        using var scaled = width == source.Width && height == source.Height ? source.Copy() : Scale(source, width, height);
        return EncodeWithinLimit(scaled);
    }

    /// <summary>An acceptable image re-encoded as the JPEG we store and upload: its metadata dropped, at most 1 MB.</summary>
    /// <exception cref="RichMenuImageException">LINE would refuse it (<see cref="Inspect"/> lists why), or it is unreadable.</exception>
    public static byte[] Reencode(ReadOnlySpan<byte> file)
    {
        var inspection = Inspect(file);
        if (!inspection.IsAcceptable)
        {
            throw new RichMenuImageException(string.Join(" ", inspection.Problems));
        }

        using var source = Decode(file);
        return EncodeWithinLimit(source);
    }

    private static (int Width, int Height) ReadSize(ReadOnlySpan<byte> file)
    {
        if (!file.StartsWith(JpegSignature) && !file.StartsWith(PngSignature))
        {
            throw new RichMenuImageException("リッチメニューの画像は JPEG または PNG のファイルを選んでください。");
        }

        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data) ?? throw Unreadable();
        return (codec.Info.Width, codec.Info.Height);
    }

    private static SKBitmap Decode(ReadOnlySpan<byte> file)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data) ?? throw Unreadable();
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            throw new RichMenuImageException("画像の画素数が多すぎます。小さくしてから選んでください。");
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info, decoded.GetPixels()) is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw Unreadable();
        }

        // JPEG has no transparency: transparent parts of a PNG become white, as they look on LINE's light chat.
        var opaque = new SKBitmap(info);
        using var canvas = new SKCanvas(opaque);
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, 0, 0, Sampling);
        return opaque;
    }

    private static SKBitmap Scale(SKBitmap source, int width, int height)
    {
        var scaled = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(scaled);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), Sampling);
        return scaled;
    }

    private static byte[] EncodeWithinLimit(SKBitmap bitmap)
    {
        for (var quality = BestQuality; quality >= LowestQuality; quality -= 6)
        {
            using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
            if (encoded.Size <= LineRichMenuLimits.MaxImageBytes)
            {
                return encoded.ToArray();
            }
        }

        throw new RichMenuImageException("画像を 1 MB 以下に圧縮できませんでした。細かい模様や写真を減らした画像にしてください。");
    }

    private static RichMenuImageException Unreadable() =>
        new("画像を読み込めませんでした。ファイルが壊れていないか確かめて、もう一度選んでください。");
}

/// <summary>Why an image cannot be a rich menu image, in Japanese for the staff member who chose it.</summary>
public sealed class RichMenuImageException(string message) : Exception(message);
