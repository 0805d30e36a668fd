using SkiaSharp;
using SmartBranch.Modules.RichMenus.Images;

namespace SmartBranch.UnitTests.Modules.RichMenus;

public sealed class RichMenuImagesTests
{
    private static byte[] Png(int width, int height, bool noisy = false)
    {
        using var bitmap = new SKBitmap(width, height);
        if (noisy)
        {
            // Noise does not compress, so the file grows past LINE's 1 MB.
            var random = new Random(7);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
                }
            }
        }
        else
        {
            bitmap.Erase(SKColors.SeaGreen);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public void An_image_within_LINEs_rules_is_acceptable()
    {
        var inspection = RichMenuImages.Inspect(Png(2500, 843));

        Assert.True(inspection.IsAcceptable);
        Assert.Equal((2500, 843), (inspection.Width, inspection.Height));
    }

    [Theory]
    [InlineData(3000, 1000, "幅は 800〜2500 ピクセル")]
    [InlineData(700, 300, "幅は 800〜2500 ピクセル")]
    [InlineData(2000, 200, "高さは 250 ピクセル以上")]
    public void A_size_LINE_refuses_is_explained_and_offered_a_fit(int width, int height, string expected)
    {
        var file = Png(width, height);

        var inspection = RichMenuImages.Inspect(file);
        var fitted = RichMenuImages.Inspect(RichMenuImages.Fit(file));

        Assert.Contains(inspection.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.True(inspection.CanFit);
        Assert.True(fitted.IsAcceptable, string.Join(" ", fitted.Problems));
        Assert.Equal((double)width / height, (double)fitted.Width / fitted.Height, 0.02);
    }

    [Fact]
    public void A_file_over_1_MB_is_compressed_under_it()
    {
        var file = Png(1200, 800, noisy: true);
        Assert.True(file.Length > 1024 * 1024, "The test image should be larger than LINE allows.");

        var inspection = RichMenuImages.Inspect(file);
        var fitted = RichMenuImages.Fit(file);

        Assert.Contains(inspection.Problems, p => p.Contains("1 MB 以下", StringComparison.Ordinal));
        Assert.True(fitted.Length <= 1024 * 1024);
        Assert.True(RichMenuImages.Inspect(fitted).IsAcceptable);
    }

    [Fact]
    public void A_too_tall_image_cannot_be_mended_by_scaling()
    {
        var file = Png(1000, 1000);

        var inspection = RichMenuImages.Inspect(file);
        var error = Assert.Throws<RichMenuImageException>(() => RichMenuImages.Fit(file));

        Assert.False(inspection.CanFit);
        Assert.Contains("1.45 倍以上", Assert.Single(inspection.Problems), StringComparison.Ordinal);
        Assert.Contains("作り直して", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_files_are_refused_in_Japanese()
    {
        var error = Assert.Throws<RichMenuImageException>(() => RichMenuImages.Inspect("GIF89a"u8.ToArray()));

        Assert.Equal("リッチメニューの画像は JPEG または PNG のファイルを選んでください。", error.Message);
    }

    [Fact]
    public void Stored_images_are_JPEGs_of_the_same_size()
    {
        var stored = RichMenuImages.Reencode(Png(2500, 1686));

        using var codec = SKCodec.Create(new MemoryStream(stored));
        Assert.Equal((SKEncodedImageFormat.Jpeg, 2500, 1686), (codec.EncodedFormat, codec.Info.Width, codec.Info.Height));
    }
}
