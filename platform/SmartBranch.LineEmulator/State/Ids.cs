using System.Security.Cryptography;

namespace SmartBranch.LineEmulator.State;

/// <summary>Generators for LINE-shaped identifiers.</summary>
internal static class Ids
{
    private static readonly System.Buffers.SearchValues<char> s_hex = System.Buffers.SearchValues.Create("0123456789abcdef");
    private static long s_messageId = 500_000_000_000_000_000 + (DateTime.UtcNow.Ticks % 1_000_000_000);

    /// <summary>A LINE user id: "U" and 32 lowercase hex digits.</summary>
    public static string NewUserId() => "U" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsUserId(string? id) =>
        id is { Length: 33 } && id[0] == 'U' && id.AsSpan(1).ContainsAnyExcept(s_hex) is false;

    /// <summary>A numeric message id, as LINE's message ids are.</summary>
    public static string NewMessageId() => Interlocked.Increment(ref s_messageId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An opaque token (reply tokens, quote tokens).</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A request id as LINE returns in <c>x-line-request-id</c> (a UUID).</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString();

    /// <summary>A ULID (Crockford base32, 48-bit time + 80 random bits), LINE's format for <c>webhookEventId</c>.</summary>
    public static string NewUlid(DateTimeOffset now)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
