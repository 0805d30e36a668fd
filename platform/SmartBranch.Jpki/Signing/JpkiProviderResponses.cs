using System.Net.Http.Json;
using System.Text.Json;

namespace SmartBranch.Jpki.Signing;

/// <summary>Reading a provider's JSON answers into <see cref="JpkiProviderException"/>s that say what went wrong.</summary>
internal static class JpkiProviderResponses
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, string provider, string step, CancellationToken cancellationToken)
        where T : class
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new JpkiProviderException($"{provider} refused {step}: HTTP {(int)response.StatusCode}.");
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new JpkiProviderException($"{provider} answered {step} with an empty body.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new JpkiProviderException($"{provider} answered {step} with a body that is not the expected JSON.", e);
        }
    }

    public static async Task<HttpResponseMessage> SendOrThrowAsync(
        this HttpClient client, HttpRequestMessage request, string provider, string step, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new JpkiProviderException($"{provider} could not be reached for {step}: {e.Message}", e);
        }
    }

    public static byte[] Base64(string? value, string provider, string field)
    {
        try
        {
            return value is { Length: > 0 } ? Convert.FromBase64String(value) : throw new FormatException();
        }
        catch (FormatException e)
        {
            throw new JpkiProviderException($"{provider} returned no valid base64 {field}.", e);
        }
    }
}
