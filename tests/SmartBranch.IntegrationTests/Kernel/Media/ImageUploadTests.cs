using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Media;

namespace SmartBranch.IntegrationTests.Kernel.Media;

/// <summary>An image staff upload is served to LINE at the address the upload returned, and only there.</summary>
public sealed class ImageUploadTests(SqliteTestBed fixture) : IClassFixture<SqliteTestBed>
{
    [Fact]
    public async Task An_uploaded_image_is_fetched_over_HTTP_at_the_returned_addresses_and_cached_for_long()
    {
        var bed = await fixture.GetAsync();

        var stored = await UploadAsync(bed, LineTestBed.HirakawaStaging, width: 600, height: 400);

        using var http = new HttpClient();
        foreach (var (url, longSide) in new[] { (stored.OriginalUrl, 600), (stored.PreviewUrl, 240) })
        {
            Assert.StartsWith(bed.App.Address + "media/hirakawa/staging/", url, StringComparison.Ordinal);
            using var response = await http.GetAsync(new Uri(url));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.True(response.Headers.CacheControl?.Public);
            using var image = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(longSide, Math.Max(image.Width, image.Height));
        }

        var audited = await bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) =>
            db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "media.image_uploaded" && e.TenantSlug == "hirakawa" && e.EnvironmentName == "staging"));
        Assert.True(audited >= 1);
    }

    [Fact]
    public async Task An_image_is_served_only_from_its_own_tenant_environment_and_nothing_is_listed()
    {
        var bed = await fixture.GetAsync();
        var stored = await UploadAsync(bed, LineTestBed.HirakawaStaging, width: 300, height: 300);
        var fileName = new Uri(stored.OriginalUrl).Segments[^1];

        string[] elsewhere =
        [
            $"/media/hirakawa/production/{fileName}",
            $"/media/othercity/staging/{fileName}",
            "/media/hirakawa/staging/",
            "/media/hirakawa/staging",
            "/media/hirakawa/staging/..%2F..%2Fsmartbranch.db",
            $"/media/hirakawa/staging/{fileName.Replace(".jpg", ".png", StringComparison.Ordinal)}",
        ];
        foreach (var path in elsewhere)
        {
            using var response = await bed.Server.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}.");
        }
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_and_nothing_is_stored()
    {
        var bed = await fixture.GetAsync();

        var error = await Assert.ThrowsAsync<ImageRejectedException>(() => bed.InTenantAsync(LineTestBed.HirakawaStaging, (_, services) =>
            services.GetRequiredService<IImageUploads>().StoreAsync(new MemoryStream("名前,住所\n"u8.ToArray()), CancellationToken.None)));

        Assert.Equal("JPEG または PNG の画像を選んでください。ほかの種類のファイルは送れません。", error.Message);
    }

    private static Task<StoredImage> UploadAsync(LineTestBed bed, TestChannel channel, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SeaGreen);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100)!;
        return bed.InTenantAsync(channel, (_, services) =>
            services.GetRequiredService<IImageUploads>().StoreAsync(png.AsStream(), CancellationToken.None));
    }
}
