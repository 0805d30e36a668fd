using SmartBranch.Kernel.Media;

namespace SmartBranch.UnitTests.Kernel.Media;

public sealed class ImageCaptureTimeTests
{
    [Fact]
    public void A_photo_without_an_offset_was_taken_in_Japan_time()
    {
        using var bitmap = TestImages.RedLeftBlueRight(64, 48);
        var jpeg = TestImages.JpegTakenAt(bitmap, "2026:11:20 08:15:30", offset: null);

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 23, 15, 30, TimeSpan.Zero), ImageCaptureTime.Read(jpeg));
    }

    [Fact]
    public void A_photo_with_its_offset_is_read_in_that_offset()
    {
        using var bitmap = TestImages.RedLeftBlueRight(64, 48);
        var jpeg = TestImages.JpegTakenAt(bitmap, "2026:11:20 08:15:30", "+01:00");

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 15, 30, TimeSpan.Zero), ImageCaptureTime.Read(jpeg));
    }

    [Fact]
    public void The_capture_time_survives_as_a_value_while_the_reencoded_picture_carries_no_metadata()
    {
        using var bitmap = TestImages.RedLeftBlueRight(64, 48);
        var jpeg = TestImages.JpegTakenAt(bitmap, "2026:11:20 08:15:30", offset: null);

        var image = ImageReencoder.Reencode(jpeg);

        Assert.NotNull(ImageCaptureTime.Read(jpeg));
        Assert.Null(ImageCaptureTime.Read(image.Original));
        Assert.False(TestImages.HasApp1Segment(image.Original));
    }

    [Theory]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData("yesterday")]
    public void A_photo_with_an_unreadable_time_or_none_has_no_capture_time(string localTime)
    {
        using var bitmap = TestImages.RedLeftBlueRight(64, 48);

        Assert.Null(ImageCaptureTime.Read(TestImages.JpegTakenAt(bitmap, localTime, offset: null)));
        Assert.Null(ImageCaptureTime.Read(TestImages.Png(bitmap)));
        Assert.Null(ImageCaptureTime.Read("not an image"u8.ToArray()));
    }
}
