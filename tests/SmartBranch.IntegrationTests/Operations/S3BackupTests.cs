using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Server.Backups;

namespace SmartBranch.IntegrationTests.Operations;

/// <summary>Backups kept in an S3-compatible store (a real one, s3rver): written whole or not at all, pruned, restored, drilled.</summary>
public abstract class S3BackupTests(TestDatabaseKind kind)
{
    private const string Bucket = "smartbranch-backups";
    private const string Prefix = "hirakawa-cloud/";

    [Fact]
    public async Task A_backup_in_S3_restores_into_an_empty_database_with_the_same_data_and_the_restore_drill_proves_it()
    {
        await using var s3 = await FakeS3Server.StartAsync(Bucket);
        var keyDirectory = Directory.CreateTempSubdirectory("smartbranch-backup-key-").FullName;
        var settings = s3.Settings("Backups", Bucket, Prefix);
        settings["Backups:Directory"] = keyDirectory;
        BackupFile backup;
        IReadOnlyDictionary<string, string> original;
        await using (var source = await LineTestBed.StartAsync(kind, extraSettings: settings))
        {
            foreach (var name in new[] { "平川 一郎", "尾上 花子" })
            {
                var userId = await source.CreateLineUserAsync(name);
                await source.SimulateAsync(LineTestBed.HirakawaStaging, userId, new JsonObject { ["type"] = "follow" });
            }

            await source.WaitUntilIdleAsync();
            backup = await source.App.Services.GetRequiredService<BackupService>().CreateAsync(default);
            original = await BackupRestoreTests.SnapshotAsync(source.Database);

            var drill = await source.App.Services.GetRequiredService<RestoreDrill>().RunAsync(default);
            Assert.True(drill.Succeeded, drill.FailureReason);
            Assert.Equal(backup.Name, drill.BackupName);
            Assert.Equal(drill.Id, (await source.App.Services.GetRequiredService<RestoreDrill>().LatestAsync(default))?.Id);
            if (kind == TestDatabaseKind.Postgres)
            {
                Assert.Empty(await DrillDatabasesAsync());
            }
        }

        using (var client = s3.CreateClient(Bucket))
        {
            Assert.Equal([Prefix + backup.Name, Prefix + backup.ManifestName], (await KeysAsync(client)).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(await KeysAsync(client), key => key.Contains("residents", StringComparison.Ordinal));
        }

        await using var empty = await TestDatabase.CreateAsync(kind);
        var (listed, listing) = await BackupRestoreTests.RunServerCommandAsync(empty, keyDirectory, settings, "list-backups");
        Assert.True(listed == 0, listing);
        Assert.Contains(backup.Name, listing, StringComparison.Ordinal);

        var (exitCode, output) = await BackupRestoreTests.RunServerCommandAsync(empty, keyDirectory, settings, "restore", backup.Name);
        Assert.True(exitCode == 0, output);
        var restored = await BackupRestoreTests.SnapshotAsync(empty);
        Assert.Equal(original.Keys.Order(), restored.Keys.Order());
        foreach (var (table, rows) in original)
        {
            Assert.True(rows == restored[table], $"{table} differs after the restore");
        }
    }

    [Fact]
    public async Task A_changed_backup_in_S3_fails_the_restore_drill_with_its_reason_recorded()
    {
        await using var s3 = await FakeS3Server.StartAsync(Bucket);
        var settings = s3.Settings("Backups", Bucket, Prefix);
        settings["Backups:Directory"] = Directory.CreateTempSubdirectory("smartbranch-backup-key-").FullName;
        await using var bed = await LineTestBed.StartAsync(kind, extraSettings: settings);
        var backup = await bed.App.Services.GetRequiredService<BackupService>().CreateAsync(default);

        using (var client = s3.CreateClient(Bucket))
        {
            using var original = await client.GetObjectAsync(Bucket, Prefix + backup.Name);
            using var content = new MemoryStream();
            await original.ResponseStream.CopyToAsync(content);
            var bytes = content.ToArray();
            bytes[30] ^= 0xFF; // In the first chunk's ciphertext, past the file's and the chunk's headers.
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = Prefix + backup.Name, InputStream = new MemoryStream(bytes), UseChunkEncoding = false });
        }

        var drill = await bed.App.Services.GetRequiredService<RestoreDrill>().RunAsync(default);

        Assert.False(drill.Succeeded);
        Assert.Equal(backup.Name, drill.BackupName);
        Assert.Contains("AuthenticationTag", drill.FailureReason, StringComparison.Ordinal);
        Assert.Equal(drill.Id, (await bed.App.Services.GetRequiredService<RestoreDrill>().LatestAsync(default))?.Id);
        if (kind == TestDatabaseKind.Postgres)
        {
            Assert.Empty(await DrillDatabasesAsync());
        }
    }

    [Fact]
    public async Task The_retention_policy_removes_expired_backups_and_their_manifests_from_S3()
    {
        await using var s3 = await FakeS3Server.StartAsync(Bucket);
        var settings = s3.Settings("Backups", Bucket, Prefix);
        settings["Backups:Directory"] = Directory.CreateTempSubdirectory("smartbranch-backup-key-").FullName;
        settings["Backups:Retention:Daily"] = "2";
        settings["Backups:Retention:Weekly"] = "0";
        settings["Backups:Retention:Monthly"] = "0";
        using var client = s3.CreateClient(Bucket);
        var provider = kind == TestDatabaseKind.Postgres ? "postgres" : "sqlite";
        var older = new[] { 3, 2 }.Select(days => BackupFile.NameFor(provider, DateTimeOffset.UtcNow.AddDays(-days))).ToList();
        var yesterday = BackupFile.NameFor(provider, DateTimeOffset.UtcNow.AddDays(-1));
        foreach (var name in older.Append(yesterday))
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = Prefix + name, ContentBody = "old", UseChunkEncoding = false });
            await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = Prefix + BackupFile.ManifestNameOf(name), ContentBody = "{}", UseChunkEncoding = false });
        }

        await using var bed = await LineTestBed.StartAsync(kind, extraSettings: settings);
        var today = await bed.App.Services.GetRequiredService<BackupService>().CreateAsync(default);

        var kept = new[] { today.Name, yesterday }.SelectMany(n => new[] { Prefix + n, Prefix + BackupFile.ManifestNameOf(n) }).Order(StringComparer.Ordinal);
        Assert.Equal(kept, (await KeysAsync(client)).Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> KeysAsync(IAmazonS3 client)
    {
        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        return (response.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    /// <summary>Scratch databases a drill left behind on the test server.</summary>
    private static async Task<List<string>> DrillDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'smartbranch_drill_%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}

public sealed class SqliteS3BackupTests() : S3BackupTests(TestDatabaseKind.Sqlite);

public sealed class PostgresS3BackupTests : S3BackupTests
{
    public PostgresS3BackupTests() : base(TestDatabaseKind.Postgres) => TestServices.RequirePostgres();
}

/// <summary>The S3 store on its own: large backups go up in parts, and a write that fails leaves nothing behind.</summary>
public sealed class S3BackupStoreTests
{
    private const string Bucket = "backups";

    [Fact]
    public async Task A_backup_larger_than_a_part_reads_back_byte_for_byte_and_a_failed_write_leaves_no_backup()
    {
        await using var s3 = await FakeS3Server.StartAsync(Bucket);
        var settings = s3.Settings("Backups", Bucket, "");
        using var store = new S3BackupStore(new SmartBranch.Kernel.Storage.S3StorageOptions
        {
            Bucket = Bucket,
            ServiceUrl = settings["Backups:S3:ServiceUrl"],
            Region = settings["Backups:S3:Region"],
            ForcePathStyle = true,
            AccessKeyId = settings["Backups:S3:AccessKeyId"],
            SecretAccessKey = settings["Backups:S3:SecretAccessKey"],
        });
        var content = RandomNumberGenerator.GetBytes(19 * 1024 * 1024);
        var manifest = new BackupManifest(["20261126093638_Initial"], new Dictionary<string, long> { ["residents"] = 2 });
        var createdAt = new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero);

        var written = await store.WriteAsync("sqlite", createdAt, async stream =>
        {
            // Odd-sized writes, as the cipher's chunks would be.
            for (var offset = 0; offset < content.Length; offset += 1_000_003)
            {
                await stream.WriteAsync(content.AsMemory(offset, Math.Min(1_000_003, content.Length - offset)));
            }

            return manifest;
        }, default);

        Assert.Equal(content.Length, written.Size);
        await using (var read = await store.OpenReadAsync(written.Name, default))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.True(content.AsSpan().SequenceEqual(copy.ToArray()), "The backup read back differs from what was written.");
        }

        Assert.Equal(manifest.RowCounts, (await store.ReadManifestAsync(written, default))!.RowCounts);

        var failure = await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("sqlite", createdAt.AddDays(1), async stream =>
        {
            await stream.WriteAsync(content.AsMemory(0, 12 * 1024 * 1024));
            throw new IOException("The dump stopped half way.");
        }, default));
        Assert.Equal("The dump stopped half way.", failure.Message);
        Assert.Equal([written.Name], (await store.ListAsync(default)).Select(b => b.Name));
        Assert.Equal(written.Name, (await store.NewestAsync(default))?.Name);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"s3://{Bucket}/"), store.Location);
    }
}
