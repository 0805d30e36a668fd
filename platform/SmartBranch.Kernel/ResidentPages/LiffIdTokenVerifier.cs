using System.Net.Http.Json;
using System.Text.Json.Serialization;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.ResidentPages;

public enum LiffIdTokenFailure
{
    /// <summary>The page sent no token.</summary>
    Missing,

    /// <summary>LINE refused it: expired, forged, or issued for another channel.</summary>
    Rejected,

    /// <summary>The environment has no LINE Login channel id to check tokens against.</summary>
    NotConfigured,

    /// <summary>LINE did not answer; the resident may try again.</summary>
    Unavailable,
}

/// <param name="LineUserId">The resident's LINE user id (the token's subject) when the token is valid.</param>
public sealed record LiffIdTokenResult(string? LineUserId, LiffIdTokenFailure? Failure)
{
    public static LiffIdTokenResult Failed(LiffIdTokenFailure failure) => new(null, failure);
}

/// <summary>
/// Checks a LIFF ID token with LINE Login (<c>POST {api base}/oauth2/v2.1/verify</c>, client_id = the environment's
/// <c>Line:LoginChannelId</c>), the way LINE asks servers to: LINE checks the signature, expiry and audience. In
/// Emulator mode the emulator serves the same endpoint at the environment's API base URL.
/// </summary>
public sealed class LiffIdTokenVerifier(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "line-login";

    public async Task<LiffIdTokenResult> VerifyAsync(TenantLineSettings line, string? idToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idToken))
        {
            return LiffIdTokenResult.Failed(LiffIdTokenFailure.Missing);
        }

        if (string.IsNullOrWhiteSpace(line.LoginChannelId))
        {
            return LiffIdTokenResult.Failed(LiffIdTokenFailure.NotConfigured);
        }

        using var form = new FormUrlEncodedContent([new("id_token", idToken), new("client_id", line.LoginChannelId)]);
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).PostAsync(new Uri(line.ApiBaseUrl, "/oauth2/v2.1/verify"), form, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return LiffIdTokenResult.Failed(LiffIdTokenFailure.Unavailable);
        }

        using (response)
        {
            if ((int)response.StatusCode is >= 400 and < 500)
            {
                return LiffIdTokenResult.Failed(LiffIdTokenFailure.Rejected);
            }

            if (!response.IsSuccessStatusCode)
            {
                return LiffIdTokenResult.Failed(LiffIdTokenFailure.Unavailable);
            }

            var payload = await response.Content.ReadFromJsonAsync<VerifiedIdToken>(cancellationToken);

            // LINE has checked the audience; checking it again costs nothing and guards against a misrouted answer.
            return payload is { Subject.Length: > 0 } && payload.Audience == line.LoginChannelId
                ? new LiffIdTokenResult(payload.Subject, null)
                : LiffIdTokenResult.Failed(LiffIdTokenFailure.Rejected);
        }
    }

    private sealed record VerifiedIdToken(
        [property: JsonPropertyName("sub")] string? Subject,
        [property: JsonPropertyName("aud")] string? Audience);
}
