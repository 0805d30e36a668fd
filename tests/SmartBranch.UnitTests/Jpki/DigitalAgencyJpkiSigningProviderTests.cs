using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SmartBranch.Jpki;
using SmartBranch.Jpki.Signing;

namespace SmartBranch.UnitTests.Jpki;

public sealed class DigitalAgencyJpkiSigningProviderTests
{
    private static readonly Uri ApiBaseUrl = new("https://auth-and-sign.example/");
    private static readonly Uri ReturnUrl = new("https://city.example/r/hirakawa/production/applications/7/signed");

    [Fact]
    public async Task Signing_starts_with_the_documents_hash_and_sends_the_resident_to_the_authorization_endpoint()
    {
        var http = new StubHttpClients(request => Task.FromResult(request.RequestUri!.AbsolutePath switch
        {
            "/api/token" => Json("""{"access_token":"client-token"}"""),
            "/api/sign-transactions" => Json("""{"tx_id":"tx-1"}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        }));

        var start = await Provider(http).StartAsync(new JpkiSigningRequest("application-7", TestJpki.Document, "住民票の写しの交付申請", ReturnUrl), default);

        Assert.Equal("tx-1", start.SessionId);
        Assert.Contains("grant_type=client_credentials", http.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("client_id=RP00000001", http.Bodies[0], StringComparison.Ordinal);
        Assert.Equal("Bearer client-token", http.Requests[1].Headers.Authorization!.ToString());
        var document = JsonNode.Parse(http.Bodies[1])!["sign_docs"]![0]!;
        Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(TestJpki.Document)), (string?)document["hash"]);
        var query = QueryHelpers.ParseQuery(start.SigningUrl.Query);
        Assert.Equal("/api/authorize", start.SigningUrl.AbsolutePath);
        Assert.Equal(ReturnUrl.AbsoluteUri, query["redirect_uri"].ToString());
        Assert.Equal("openid sign", query["scope"].ToString());
        Assert.StartsWith("tx-1~", query["state"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_exchanges_the_code_for_the_redirect_it_was_issued_to_and_reads_the_signature_and_certificate()
    {
        var http = new StubHttpClients(request => Task.FromResult(request.RequestUri!.AbsolutePath switch
        {
            "/api/token" => Json("""{"access_token":"resident-token"}"""),
            "/api/sign-transactions/tx-1/result" => Json("""{"signature":"AQID","certificate":"BAUG"}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        }));
        var state = "tx-1~" + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(ReturnUrl.AbsoluteUri));

        var signed = await Provider(http).CompleteAsync(
            new JpkiSigningCompletion("tx-1", new Dictionary<string, string> { ["code"] = "code-1", ["state"] = state }), default);

        Assert.Equal([1, 2, 3], signed.Signature);
        Assert.Equal([4, 5, 6], signed.SignerCertificate);
        Assert.Contains("grant_type=authorization_code", http.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(ReturnUrl.AbsoluteUri), http.Bodies[0], StringComparison.Ordinal);
        Assert.Equal("Bearer resident-token", http.Requests[1].Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task A_cancelled_a_foreign_or_an_unreachable_signing_is_a_clear_provider_error()
    {
        var down = Provider(new StubHttpClients(_ => throw new HttpRequestException("connection refused")));
        var refusing = Provider(new StubHttpClients(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized))));

        var cancelled = await Assert.ThrowsAsync<JpkiProviderException>(() => down.CompleteAsync(
            new JpkiSigningCompletion("tx-1", new Dictionary<string, string> { ["error"] = "access_denied" }), default));
        var foreign = await Assert.ThrowsAsync<JpkiProviderException>(() => down.CompleteAsync(
            new JpkiSigningCompletion("tx-1", new Dictionary<string, string> { ["code"] = "c", ["state"] = "tx-2~aHR0cHM6Ly94" }), default));
        var unreachable = await Assert.ThrowsAsync<JpkiProviderException>(() => down.StartAsync(
            new JpkiSigningRequest("application-7", TestJpki.Document, "申請", ReturnUrl), default));
        var refused = await Assert.ThrowsAsync<JpkiProviderException>(() => refusing.StartAsync(
            new JpkiSigningRequest("application-7", TestJpki.Document, "申請", ReturnUrl), default));

        Assert.Contains("cancelled", cancelled.Message, StringComparison.Ordinal);
        Assert.Contains("state", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", unreachable.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", refused.Message, StringComparison.Ordinal);
    }

    private static DigitalAgencyJpkiSigningProvider Provider(StubHttpClients http) =>
        new(http.CreateClient(DigitalAgencyJpkiSigningProvider.HttpClientName), ApiBaseUrl, "RP00000001", "secret");

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
