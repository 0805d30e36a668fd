using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.Payments.Sandbox;

/// <summary>
/// The sandbox's webhook signature, built like Stripe's: <c>t={unix seconds},v1={hex HMAC-SHA256 of "t.payload"}</c> in
/// <see cref="HeaderName"/>, refused when wrong or older than <see cref="Tolerance"/>.
/// </summary>
public static class SandboxSignature
{
    public const string HeaderName = "Sandbox-Signature";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Compute(byte[] key, string payload, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(key, timestamp, payload))}";
    }

    /// <exception cref="PaymentWebhookRejectedException">Missing, malformed, wrong, or too old (a replay).</exception>
    public static void Verify(byte[] key, string payload, string? header, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new PaymentWebhookRejectedException($"The {HeaderName} header is missing.");
        }

        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0].Trim(), p => p[1].Trim());
        if (!long.TryParse(parts["t"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new PaymentWebhookRejectedException($"The {HeaderName} header has no timestamp.");
        }

        var expected = Mac(key, seconds.ToString(CultureInfo.InvariantCulture), payload);
        var matches = parts["v1"].Any(v => v.Length == expected.Length * 2 && IsHex(v)
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(v), expected));
        if (!matches)
        {
            throw new PaymentWebhookRejectedException("The sandbox signature does not match.");
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            throw new PaymentWebhookRejectedException("The sandbox event's timestamp is outside the tolerance (a replay?).");
        }
    }

    private static byte[] Mac(byte[] key, string timestamp, string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));

    private static bool IsHex(string value) => value.All(Uri.IsHexDigit);
}
