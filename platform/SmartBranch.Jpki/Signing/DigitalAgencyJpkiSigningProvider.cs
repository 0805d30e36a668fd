using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace SmartBranch.Jpki.Signing;

/// <summary>
/// The Digital Agency's デジタル認証アプリ (free API; the resident signs with the card's 署名用電子証明書 in the app on their
/// smartphone). The flow of its guide for service providers: a client-credentials token; <c>POST /api/sign-transactions</c>
/// with the SHA-256 hash of the document answers a transaction id; the resident goes to the authorization endpoint
/// (scope <c>openid sign</c>), which opens the app and returns with an authorization code; the code's token reads
/// <c>GET /api/sign-transactions/{id}/result</c>: the signature and certificate.
/// The transaction id is the session id; the state carries it and the return URL (the code exchange needs the same
/// redirect URI).
/// </summary>
public sealed class DigitalAgencyJpkiSigningProvider(HttpClient httpClient, Uri apiBaseUrl, string clientId, string clientSecret)
    : IJpkiSigningProvider
{
    public const string HttpClientName = "jpki-digital-agency";
    private const string Provider = "The Digital Agency's デジタル認証アプリ API";
    private const int MaxStateLength = 255;

    public async Task<JpkiSigningStart> StartAsync(JpkiSigningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await TokenAsync(
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "sign" }, cancellationToken);
        using var message = Authorized(HttpMethod.Post, "api/sign-transactions", token);
        message.Content = JsonContent.Create(new SignTransaction(
            [new SignDocument(request.Title, Convert.ToBase64String(SHA256.HashData(request.Document)))], "SHA-256"));
        using var response = await httpClient.SendOrThrowAsync(message, Provider, "the sign transaction", cancellationToken);
        var transaction = await response.ReadAsync<SignTransactionStarted>(Provider, "the sign transaction", cancellationToken);
        if (transaction.TxId is not { Length: > 0 } txId)
        {
            throw new JpkiProviderException($"{Provider} answered the sign transaction without a tx_id.");
        }

        var state = $"{txId}~{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(request.ReturnUrl.AbsoluteUri))}";
        if (state.Length > MaxStateLength)
        {
            throw new JpkiProviderException($"The return URL is too long for the Digital Agency's state parameter ({MaxStateLength} characters).");
        }

        var authorize = QueryHelpers.AddQueryString(new Uri(apiBaseUrl, "api/authorize").AbsoluteUri, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = request.ReturnUrl.AbsoluteUri,
            ["scope"] = "openid sign",
            ["state"] = state,
            ["sign_tx_id"] = txId,
        });
        return new JpkiSigningStart(txId, new Uri(authorize));
    }

    public async Task<JpkiSignedDocument> CompleteAsync(JpkiSigningCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (completion.Query.TryGetValue("error", out var error))
        {
            throw new JpkiProviderException(error == "access_denied"
                ? "The resident cancelled signing in the デジタル認証アプリ."
                : $"{Provider} returned the resident with the error '{error}'.");
        }

        var state = completion.Query.GetValueOrDefault("state") ?? "";
        var separator = state.IndexOf('~', StringComparison.Ordinal);
        if (separator < 0 || state[..separator] != completion.SessionId || !completion.Query.TryGetValue("code", out var code))
        {
            throw new JpkiProviderException($"{Provider} returned the resident without this session's state and an authorization code.");
        }

        var redirectUri = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(state[(separator + 1)..]));
        var token = await TokenAsync(
            new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri },
            cancellationToken);
        using var message = Authorized(HttpMethod.Get, $"api/sign-transactions/{Uri.EscapeDataString(completion.SessionId)}/result", token);
        using var response = await httpClient.SendOrThrowAsync(message, Provider, "the sign result", cancellationToken);
        var result = await response.ReadAsync<SignResult>(Provider, "the sign result", cancellationToken);
        return new JpkiSignedDocument(
            JpkiProviderResponses.Base64(result.Signature, Provider, "signature"),
            JpkiProviderResponses.Base64(result.Certificate, Provider, "certificate"));
    }

    private async Task<string> TokenAsync(Dictionary<string, string> grant, CancellationToken cancellationToken)
    {
        grant["client_id"] = clientId;
        grant["client_secret"] = clientSecret;
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBaseUrl, "api/token")) { Content = new FormUrlEncodedContent(grant) };
        using var response = await httpClient.SendOrThrowAsync(message, Provider, "the token request", cancellationToken);
        var token = await response.ReadAsync<TokenAnswer>(Provider, "the token request", cancellationToken);
        return token.AccessToken is { Length: > 0 } accessToken
            ? accessToken
            : throw new JpkiProviderException($"{Provider} answered the token request without an access token.");
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var message = new HttpRequestMessage(method, new Uri(apiBaseUrl, path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }

    private sealed record SignDocument([property: JsonPropertyName("doc_name")] string DocName, [property: JsonPropertyName("hash")] string Hash);

    private sealed record SignTransaction(
        [property: JsonPropertyName("sign_docs")] IReadOnlyList<SignDocument> SignDocs,
        [property: JsonPropertyName("hash_algorithm")] string HashAlgorithm);

    private sealed record SignTransactionStarted([property: JsonPropertyName("tx_id")] string? TxId);

    private sealed record SignResult(
        [property: JsonPropertyName("signature")] string? Signature, [property: JsonPropertyName("certificate")] string? Certificate);

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string? AccessToken);
}
