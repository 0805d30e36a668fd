using System.Security.Cryptography;
using SmartBranch.Server.Backups;

namespace SmartBranch.IntegrationTests.Operations;

/// <summary>Backups are AES-256-GCM in chunks: the right key restores every byte; anything else is refused, never half-restored.</summary>
public sealed class BackupEncryptionTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(1024 * 1024)]
    [InlineData((3 * 1024 * 1024) + 17)]
    public async Task What_is_encrypted_decrypts_to_the_same_bytes(int length)
    {
        var original = RandomNumberGenerator.GetBytes(length);

        var encrypted = await EncryptAsync(original, Key);

        Assert.Equal(original, await DecryptAsync(encrypted, Key));
        Assert.False(length > 64 && encrypted.AsSpan().IndexOf(original.AsSpan(0, 64)) >= 0, "plaintext visible in the backup");
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(1000), Key);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => DecryptAsync(encrypted, RandomNumberGenerator.GetBytes(32)));
    }

    [Fact]
    public async Task A_changed_byte_is_refused()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(2 * 1024 * 1024), Key);
        encrypted[encrypted.Length / 2] ^= 0x01;

        await Assert.ThrowsAnyAsync<CryptographicException>(() => DecryptAsync(encrypted, Key));
    }

    [Fact]
    public async Task A_backup_cut_off_after_a_whole_chunk_is_refused()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes((2 * 1024 * 1024) + 5), Key);
        var firstChunkEnd = 5 + 8 + 5 + (1024 * 1024) + 16;

        await Assert.ThrowsAnyAsync<CryptographicException>(() => DecryptAsync(encrypted[..firstChunkEnd], Key));
    }

    [Fact]
    public void A_key_that_is_not_32_bytes_of_base64_is_refused_with_how_to_make_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BackupEncryption.ParseKey("c2hvcnQ="));

        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> EncryptAsync(byte[] plaintext, byte[] key)
    {
        using var output = new MemoryStream();
        await BackupEncryption.EncryptAsync(new MemoryStream(plaintext), output, key, default);
        return output.ToArray();
    }

    private static async Task<byte[]> DecryptAsync(byte[] encrypted, byte[] key)
    {
        using var output = new MemoryStream();
        await BackupEncryption.DecryptAsync(new MemoryStream(encrypted), output, key, default);
        return output.ToArray();
    }
}
