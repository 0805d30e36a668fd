using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Streams a backup through AES-256-GCM in 1 MiB chunks, so a dump of any size never sits in memory.
/// Each chunk's nonce is the file's random prefix and the chunk's number; its header says whether it
/// is the last, and that flag is authenticated with it: a changed, reordered or cut-off backup fails
/// to decrypt instead of restoring a partial database.
/// </summary>
internal static class BackupEncryption
{
    private const int ChunkSize = 1024 * 1024;
    private const int TagSize = 16;
    private const int NonceSize = 12;
    private const int PrefixSize = 8;
    private const int HeaderSize = 5; // plaintext length, then 1 on the last chunk
    private static readonly byte[] Magic = "SBBK1"u8.ToArray();

    public static async Task EncryptAsync(Stream plaintext, Stream destination, byte[] key, CancellationToken cancellationToken)
    {
        using var aes = new AesGcm(key, TagSize);
        var prefix = RandomNumberGenerator.GetBytes(PrefixSize);
        await destination.WriteAsync(Magic, cancellationToken);
        await destination.WriteAsync(prefix, cancellationToken);

        var current = new byte[ChunkSize];
        var next = new byte[ChunkSize];
        var currentLength = await ReadChunkAsync(plaintext, current, cancellationToken);
        var ciphertext = new byte[ChunkSize];
        var tag = new byte[TagSize];
        var header = new byte[HeaderSize];
        for (uint index = 0; ; index++)
        {
            var nextLength = currentLength == ChunkSize ? await ReadChunkAsync(plaintext, next, cancellationToken) : 0;
            var isLast = nextLength == 0;
            aes.Encrypt(Nonce(prefix, index), current.AsSpan(0, currentLength), ciphertext.AsSpan(0, currentLength), tag, AssociatedData(index, isLast));
            BinaryPrimitives.WriteInt32BigEndian(header, currentLength);
            header[4] = isLast ? (byte)1 : (byte)0;
            await destination.WriteAsync(header, cancellationToken);
            await destination.WriteAsync(ciphertext.AsMemory(0, currentLength), cancellationToken);
            await destination.WriteAsync(tag, cancellationToken);
            if (isLast)
            {
                return;
            }

            (current, next) = (next, current);
            currentLength = nextLength;
        }
    }

    /// <exception cref="CryptographicException">Wrong key, or the backup was changed or cut off.</exception>
    public static async Task DecryptAsync(Stream encrypted, Stream destination, byte[] key, CancellationToken cancellationToken)
    {
        using var aes = new AesGcm(key, TagSize);
        var magic = new byte[Magic.Length];
        var prefix = new byte[PrefixSize];
        if (!await TryReadExactlyAsync(encrypted, magic, cancellationToken) || !magic.AsSpan().SequenceEqual(Magic)
            || !await TryReadExactlyAsync(encrypted, prefix, cancellationToken))
        {
            throw new CryptographicException("Not a SmartBranch backup.");
        }

        var header = new byte[HeaderSize];
        var ciphertext = new byte[ChunkSize];
        var plaintext = new byte[ChunkSize];
        var tag = new byte[TagSize];
        for (uint index = 0; ; index++)
        {
            if (!await TryReadExactlyAsync(encrypted, header, cancellationToken))
            {
                throw new CryptographicException("The backup is cut off.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            var isLast = header[4] == 1;
            if (length is < 0 or > ChunkSize
                || !await TryReadExactlyAsync(encrypted, ciphertext.AsMemory(0, length), cancellationToken)
                || !await TryReadExactlyAsync(encrypted, tag, cancellationToken))
            {
                throw new CryptographicException("The backup is cut off or damaged.");
            }

            aes.Decrypt(Nonce(prefix, index), ciphertext.AsSpan(0, length), tag, plaintext.AsSpan(0, length), AssociatedData(index, isLast));
            await destination.WriteAsync(plaintext.AsMemory(0, length), cancellationToken);
            if (isLast)
            {
                return;
            }
        }
    }

    public static byte[] ParseKey(string? base64) =>
        base64 is { Length: > 0 } && Convert.TryFromBase64String(base64, new byte[32], out var written) && written == 32
            ? Convert.FromBase64String(base64)
            : throw new InvalidOperationException($"{BackupOptions.Section}:EncryptionKey must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");

    private static byte[] Nonce(byte[] prefix, uint index)
    {
        var nonce = new byte[NonceSize];
        prefix.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(PrefixSize), index);
        return nonce;
    }

    private static byte[] AssociatedData(uint index, bool isLast)
    {
        var data = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(data, index);
        data[4] = isLast ? (byte)1 : (byte)0;
        return data;
    }

    private static async Task<int> ReadChunkAsync(Stream source, byte[] buffer, CancellationToken cancellationToken) =>
        await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);

    private static async Task<bool> TryReadExactlyAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken) =>
        await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken) == buffer.Length;
}
