using SkiaSharp;
using SmartBranch.Kernel.Media;

namespace SmartBranch.UnitTests.Kernel.Media;

public sealed class ImageReencoderTests
{
    [Fact]
    public void A_photographs_EXIF_and_GPS_position_are_gone_from_both_JPEGs()
    {
        using var picture = TestImages.RedLeftBlueRight(320, 200);
        var upload = TestImages.JpegWithExif(picture, orientation: 1);
        Assert.True(TestImages.HasApp1Segment(upload));
        Assert.True(TestImages.Contains(upload, TestImages.Marker));

        var image = ImageReencoder.Reencode(upload);

        foreach (var jpeg in new[] { image.Original, image.Preview })
        {
            Assert.False(TestImages.HasApp1Segment(jpeg));
            Assert.False(TestImages.Contains(jpeg, "Exif"));
            Assert.False(TestImages.Contains(jpeg, TestImages.Marker));
            using var codec = SKCodec.Create(SKData.CreateCopy(jpeg))!;
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }
    }

    [Fact]
    public void A_photograph_taken_sideways_is_turned_upright_before_its_orientation_is_dropped()
    {
        // Orientation 6: the stored picture is to be turned 90° clockwise, so its left (red) half becomes the top.
        using var picture = TestImages.RedLeftBlueRight(400, 200);

        var image = ImageReencoder.Reencode(TestImages.JpegWithExif(picture, orientation: 6));

        using var original = SKBitmap.Decode(image.Original);
        Assert.Equal((200, 400), (original.Width, original.Height));
        AssertMostly(SKColors.Red, original.GetPixel(100, 50));
        AssertMostly(SKColors.Blue, original.GetPixel(100, 350));
        using var preview = SKBitmap.Decode(image.Preview);
        Assert.Equal((120, 240), (preview.Width, preview.Height));
        AssertMostly(SKColors.Red, preview.GetPixel(60, 30));
        AssertMostly(SKColors.Blue, preview.GetPixel(60, 210));
    }

    [Fact]
    public void A_large_busy_picture_is_scaled_to_LINEs_sizes_and_limits()
    {
        using var picture = TestImages.Noise(3000, 2000);

        var image = ImageReencoder.Reencode(TestImages.Png(picture));

        using var original = SKBitmap.Decode(image.Original);
        Assert.Equal((2048, 1365), (original.Width, original.Height));
        Assert.InRange(image.Original.Length, 1, ImageReencoder.MaxUploadBytes);
        using var preview = SKBitmap.Decode(image.Preview);
        Assert.Equal((240, 160), (preview.Width, preview.Height));
        Assert.InRange(image.Preview.Length, 1, ImageReencoder.MaxPreviewBytes);
    }

    [Fact]
    public void A_small_picture_is_not_enlarged_and_transparency_becomes_white()
    {
        using var picture = new SKBitmap(new SKImageInfo(100, 60, SKColorType.Rgba8888, SKAlphaType.Premul));
        picture.Erase(SKColors.Transparent);

        var image = ImageReencoder.Reencode(TestImages.Png(picture));

        using var original = SKBitmap.Decode(image.Original);
        Assert.Equal((100, 60), (original.Width, original.Height));
        AssertMostly(SKColors.White, original.GetPixel(50, 30));
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    public void A_file_that_is_not_a_JPEG_or_PNG_is_refused_in_Japanese(string content)
    {
        var error = Assert.Throws<ImageRejectedException>(() => ImageReencoder.Reencode(System.Text.Encoding.Latin1.GetBytes(content)));

        Assert.Equal("JPEG または PNG の画像を選んでください。ほかの種類のファイルは送れません。", error.Message);
    }

    [Fact]
    public void A_file_over_10_MB_is_refused_in_Japanese()
    {
        var upload = new byte[ImageReencoder.MaxUploadBytes + 1];
        upload[0] = 0xFF;
        upload[1] = 0xD8;
        upload[2] = 0xFF;

        var error = Assert.Throws<ImageRejectedException>(() => ImageReencoder.Reencode(upload));

        Assert.Equal("ファイルが大きすぎます（10 MB まで）。小さくしてから選んでください。", error.Message);
    }

    [Fact]
    public void A_damaged_JPEG_is_refused_as_unreadable()
    {
        byte[] upload = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0, 1, 2, 3];

        var error = Assert.Throws<ImageRejectedException>(() => ImageReencoder.Reencode(upload));

        Assert.Equal("画像を読み取れませんでした。ファイルが壊れていないか確かめて、もう一度選んでください。", error.Message);
    }

    [Fact]
    public void Stored_names_are_random_and_nothing_else_passes_as_one()
    {
        var id = MediaFileName.NewId();

        Assert.NotEqual(id, MediaFileName.NewId());
        Assert.True(MediaFileName.IsValid(MediaFileName.Original(id)));
        Assert.True(MediaFileName.IsValid(MediaFileName.Preview(id)));
        Assert.False(MediaFileName.IsValid("../../smartbranch.db"));
        Assert.False(MediaFileName.IsValid(id + ".png"));
        Assert.False(MediaFileName.IsValid("short.jpg"));
    }

    private static void AssertMostly(SKColor expected, SKColor actual)
    {
        Assert.True(
            Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"Expected about {expected}, found {actual}.");
    }
}
