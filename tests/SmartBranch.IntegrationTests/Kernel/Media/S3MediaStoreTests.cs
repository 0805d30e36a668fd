using System.Net;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Media;

namespace SmartBranch.IntegrationTests.Kernel.Media;

/// <summary>With <c>Media:Store=S3</c>, uploaded images are objects in the bucket and are served from there.</summary>
public sealed class S3MediaStoreTests
{
    private const string Bucket = "smartbranch-media";

    [Fact]
    public async Task An_uploaded_image_is_written_to_the_bucket_and_served_from_it()
    {
        await using var s3 = await FakeS3Server.StartAsync(Bucket);
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, extraSettings: s3.Settings("Media", Bucket, "media/"));
        Assert.IsType<S3MediaStore>(bed.App.Services.GetRequiredService<IMediaStore>());

        using var bitmap = new SKBitmap(500, 300);
        bitmap.Erase(SKColors.SeaGreen);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100)!;
        var stored = await bed.InTenantAsync(LineTestBed.HirakawaStaging, (_, services) =>
            services.GetRequiredService<IImageUploads>().StoreAsync(png.AsStream(), CancellationToken.None));

        var fileName = new Uri(stored.OriginalUrl).Segments[^1];
        using (var client = s3.CreateClient(Bucket))
        {
            var objects = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
            Assert.Contains($"media/hirakawa/staging/{fileName}", (objects.S3Objects ?? []).Select(o => o.Key));
        }

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(stored.OriginalUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var image = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((500, 300), (image.Width, image.Height));

        using var missing = await bed.Server.GetAsync($"/media/hirakawa/staging/{MediaFileName.Original(MediaFileName.NewId())}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
