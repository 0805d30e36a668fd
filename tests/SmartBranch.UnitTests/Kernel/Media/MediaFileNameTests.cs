using SmartBranch.Kernel.Media;

namespace SmartBranch.UnitTests.Kernel.Media;

public sealed class MediaFileNameTests
{
    [Fact]
    public void A_private_image_can_be_stored_but_is_no_image_name_to_the_public_media_route()
    {
        var id = MediaFileName.NewId();

        Assert.True(MediaFileName.IsId(id));
        foreach (var name in new[] { MediaFileName.PrivateOriginal(id), MediaFileName.PrivatePreview(id) })
        {
            Assert.True(new MediaKey("hirakawa", "production", name).IsStorable);
            Assert.False(MediaFileName.IsImage(name));
        }

        Assert.True(MediaFileName.IsImage(MediaFileName.Original(id)));
        Assert.False(MediaFileName.IsId("../" + id[3..]));
        Assert.False(MediaFileName.IsValid(id + "-private.png"));
    }
}
