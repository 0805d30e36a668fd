using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SmartBranch.Jpki.Revocation;

/// <summary>
/// Revocation through a platform provider's (プラットフォーム事業者) verification API, shaped after PocketSign Verify and
/// J-LIS's 署名検証者 service: <c>POST {base}/v1/certificates/status</c> with the API key as a bearer token and the
/// certificate (base64 DER); the answer's <c>status</c> is <c>good</c>, <c>revoked</c> or <c>unknown</c>.
/// </summary>
public sealed partial class PlatformProviderRevocationSource(
    IHttpClientFactory httpClients, Uri apiBaseUrl, string apiKey, ILogger<PlatformProviderRevocationSource> logger) : IJpkiRevocationSource
{
    public const string HttpClientName = "jpki-platform-provider";
    public const string StatusPath = "v1/certificates/status";

    public async Task<JpkiRevocationStatus> CheckAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBaseUrl, StatusPath))
            {
                Content = JsonContent.Create(new StatusRequest(Convert.ToBase64String(certificate.RawData))),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, apiBaseUrl, (int)response.StatusCode);
                return JpkiRevocationStatus.Unavailable;
            }

            var answer = await response.Content.ReadFromJsonAsync<StatusResponse>(cancellationToken);
            return answer?.Status switch
            {
                "good" => JpkiRevocationStatus.Good,
                "revoked" => JpkiRevocationStatus.Revoked,
                _ => JpkiRevocationStatus.Unavailable,
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or NotSupportedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LogUnreachable(logger, apiBaseUrl, e.GetType().Name);
            return JpkiRevocationStatus.Unavailable;
        }
    }

    private sealed record StatusRequest(string Certificate);

    private sealed record StatusResponse(string? Status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JPKI platform provider at {ApiBaseUrl} answered {StatusCode}; revocation is unavailable.")]
    private static partial void LogRefused(ILogger logger, Uri apiBaseUrl, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JPKI platform provider at {ApiBaseUrl} could not be reached ({Error}); revocation is unavailable.")]
    private static partial void LogUnreachable(ILogger logger, Uri apiBaseUrl, string error);
}
