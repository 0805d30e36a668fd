using System.Net;
using System.Net.Http.Json;

namespace SmartBranch.Jpki.Signing;

/// <summary>
/// The sandbox card in the resident simulator (staging, trials, tests). Its API: <c>POST {base}/jpki/v1/sign-requests</c>
/// with the document (base64), title, our reference and the return URL answers a session id and the card page's URL;
/// the card page sends the resident back to the return URL with <c>session</c> and <c>result</c> added; then
/// <c>GET {base}/jpki/v1/sign-requests/{session}/result</c> holds the signature and certificate (base64 DER).
/// </summary>
public sealed class SandboxJpkiSigningProvider(HttpClient httpClient, Uri apiBaseUrl) : IJpkiSigningProvider
{
    public const string HttpClientName = "jpki-sandbox";
    private const string Provider = "The JPKI sandbox";

    public async Task<JpkiSigningStart> StartAsync(JpkiSigningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBaseUrl, "jpki/v1/sign-requests"))
        {
            Content = JsonContent.Create(new StartBody(
                request.Reference, request.Title, Convert.ToBase64String(request.Document), request.ReturnUrl.AbsoluteUri)),
        };
        using var response = await httpClient.SendOrThrowAsync(message, Provider, "the signing request", cancellationToken);
        var started = await response.ReadAsync<StartAnswer>(Provider, "the signing request", cancellationToken);
        return started is { SessionId.Length: > 0 } && Uri.TryCreate(started.SigningUrl, UriKind.Absolute, out var signingUrl)
            ? new JpkiSigningStart(started.SessionId, signingUrl)
            : throw new JpkiProviderException($"{Provider} answered the signing request without a session id and signing URL.");
    }

    public async Task<JpkiSignedDocument> CompleteAsync(JpkiSigningCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (completion.Query.TryGetValue("session", out var returned) && returned != completion.SessionId)
        {
            throw new JpkiProviderException($"{Provider} returned the resident from another signing session.");
        }

        using var message = new HttpRequestMessage(
            HttpMethod.Get, new Uri(apiBaseUrl, $"jpki/v1/sign-requests/{Uri.EscapeDataString(completion.SessionId)}/result"));
        using var response = await httpClient.SendOrThrowAsync(message, Provider, "the signing result", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new JpkiProviderException($"{Provider} does not know the signing session.");
        }

        var result = await response.ReadAsync<ResultAnswer>(Provider, "the signing result", cancellationToken);
        return result.Status switch
        {
            "signed" => new JpkiSignedDocument(
                JpkiProviderResponses.Base64(result.Signature, Provider, "signature"),
                JpkiProviderResponses.Base64(result.Certificate, Provider, "certificate")),
            "cancelled" => throw new JpkiProviderException("The resident cancelled signing with the sandbox card."),
            "locked" => throw new JpkiProviderException("The sandbox card's signing password is locked after five wrong tries."),
            "pending" => throw new JpkiProviderException("The resident has not signed with the sandbox card yet."),
            _ => throw new JpkiProviderException($"{Provider} answered the signing result with the status '{result.Status}'."),
        };
    }

    private sealed record StartBody(string Reference, string Title, string Document, string ReturnUrl);

    private sealed record StartAnswer(string? SessionId, string? SigningUrl);

    private sealed record ResultAnswer(string? Status, string? Signature, string? Certificate);
}
