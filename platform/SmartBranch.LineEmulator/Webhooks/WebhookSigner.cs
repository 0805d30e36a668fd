using System.Security.Cryptography;
using System.Text;

namespace SmartBranch.LineEmulator.Webhooks;

/// <summary><c>x-line-signature</c>: base64 of HMAC-SHA256 over the raw body, keyed with the channel secret
/// (https://developers.line.biz/en/reference/messaging-api/#signature-validation).</summary>
internal static class WebhookSigner
{
    public static string Sign(string channelSecret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));
}
