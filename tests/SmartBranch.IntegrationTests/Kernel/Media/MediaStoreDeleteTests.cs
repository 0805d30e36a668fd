using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Media;

namespace SmartBranch.IntegrationTests.Kernel.Media;

/// <summary>A deleted file is gone from either store, and deleting it again, or one never stored, is no error.</summary>
public sealed class MediaStoreDeleteTests
{
    private const string Bucket = "smartbranch-media";

    [Fact]
    public async Task The_file_system_store_deletes_a_file_and_deleting_again_is_fine()
    {
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite);

        await AssertDeletesAsync(bed.App.Services.GetRequiredService<IMediaStore>());
    }

    [Fact]
    public async Task The_S3_store_deletes_an_object_and_deleting_again_is_fine()
    {
        await using var s3 = await FakeS3Server.StartAsync(Bucket);
        await using var bed = await LineTestBed.StartAsync(TestDatabaseKind.Sqlite, extraSettings: s3.Settings("Media", Bucket, "media/"));
        var store = bed.App.Services.GetRequiredService<IMediaStore>();
        Assert.IsType<S3MediaStore>(store);

        await AssertDeletesAsync(store);
    }

    private static async Task AssertDeletesAsync(IMediaStore store)
    {
        var id = MediaFileName.NewId();
        var deleted = new MediaKey("hirakawa", "staging", MediaFileName.Original(id));
        var kept = new MediaKey("hirakawa", "staging", MediaFileName.Preview(id));
        await store.SaveAsync(deleted, new byte[] { 1, 2, 3 }, CancellationToken.None);
        await store.SaveAsync(kept, new byte[] { 4, 5 }, CancellationToken.None);

        await store.DeleteAsync(deleted, CancellationToken.None);
        await store.DeleteAsync(deleted, CancellationToken.None);
        await store.DeleteAsync(new MediaKey("othercity", "production", MediaFileName.Original(MediaFileName.NewId())), CancellationToken.None);

        Assert.Null(await store.OpenReadAsync(deleted, CancellationToken.None));
        await using var left = await store.OpenReadAsync(kept, CancellationToken.None);
        Assert.NotNull(left);
    }
}
