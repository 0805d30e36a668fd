using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.Line.Webhooks;

/// <summary>
/// The <c>x-line-signature</c> header: base64 of HMAC-SHA256 over the raw request body, keyed with
/// the channel secret (https://developers.line.biz/en/reference/messaging-api/#signature-validation).
/// </summary>
public static class LineWebhookSignature
{
    public const string HeaderName = "x-line-signature";

    public static string Compute(string channelSecret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));

    /// <summary>Compares in constant time so the check leaks nothing about the expected signature.</summary>
    public static bool IsValid(string channelSecret, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signatureHeader, presented, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
