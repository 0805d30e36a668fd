using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SmartBranch.LineEmulator.Tests.Login;

public sealed class IdTokenTests
{
    private const string LiffChannelId = "2000000001";

    private static async Task<string> IssueAsync(EmulatorHarness h, string userId, string? nonce = null)
    {
        var response = await h.Sim.PostAsJsonAsync($"/_sim/users/{userId}/id-token", new { clientId = LiffChannelId, nonce });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["idToken"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> VerifyAsync(EmulatorHarness h, params (string Key, string Value)[] fields) =>
        h.Sim.PostAsync("/oauth2/v2.1/verify", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    private static async Task AssertLoginErrorAsync(HttpResponseMessage response, string description)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Equal(description, body["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verify_returns_LINEs_claims_for_a_valid_token()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync("田中 一郎");
        var token = await IssueAsync(h, userId, nonce: "n-123");

        var response = await VerifyAsync(h, ("id_token", token), ("client_id", LiffChannelId), ("nonce", "n-123"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("https://access.line.me", claims["iss"]!.GetValue<string>());
        Assert.Equal(userId, claims["sub"]!.GetValue<string>());
        Assert.Equal(LiffChannelId, claims["aud"]!.GetValue<string>());
        Assert.Equal("田中 一郎", claims["name"]!.GetValue<string>());
        Assert.Equal("n-123", claims["nonce"]!.GetValue<string>());
        Assert.True(claims["exp"]!.GetValue<long>() > claims["iat"]!.GetValue<long>());
    }

    [Fact]
    public async Task Verify_rejects_wrong_audience_nonce_subject_and_tampering()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();
        var token = await IssueAsync(h, userId, nonce: "n-1");
        var parts = token.Split('.');
        var forgedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"iss\":\"https://access.line.me\",\"sub\":\"{EmulatorHarness.BotUserId}\",\"aud\":\"{LiffChannelId}\",\"exp\":9999999999}}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        await AssertLoginErrorAsync(await VerifyAsync(h, ("id_token", token), ("client_id", "999")), "Invalid IdToken Audience.");
        await AssertLoginErrorAsync(await VerifyAsync(h, ("id_token", token), ("client_id", LiffChannelId), ("nonce", "other")), "Invalid IdToken Nonce.");
        await AssertLoginErrorAsync(await VerifyAsync(h, ("id_token", token), ("client_id", LiffChannelId), ("user_id", EmulatorHarness.BotUserId)), "Invalid IdToken Subject Identifier.");
        await AssertLoginErrorAsync(await VerifyAsync(h, ("id_token", $"{parts[0]}.{forgedPayload}.{parts[2]}"), ("client_id", LiffChannelId)), "Invalid IdToken.");
        await AssertLoginErrorAsync(await VerifyAsync(h, ("client_id", LiffChannelId)), "Required id_token");
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await EmulatorHarness.StartAsync(time);
        var userId = await h.CreateUserAsync();
        var token = await IssueAsync(h, userId);

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(h, ("id_token", token), ("client_id", LiffChannelId))).StatusCode);
        time.Advance(TimeSpan.FromMinutes(1));
        await AssertLoginErrorAsync(await VerifyAsync(h, ("id_token", token), ("client_id", LiffChannelId)), "IdToken expired.");
    }

    [Fact]
    public async Task Token_is_ES256_and_verifiable_with_the_published_JWKS()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var token = await IssueAsync(h, await h.CreateUserAsync());
        var jwks = (await h.Sim.GetFromJsonAsync<JsonObject>("/oauth2/v2.1/certs"))!;
        var key = jwks["keys"]![0]!;
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlDecode(parts[0]))!;

        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlDecode(key["x"]!.GetValue<string>()), Y = Base64UrlDecode(key["y"]!.GetValue<string>()) },
        });

        Assert.Equal("ES256", header["alg"]!.GetValue<string>());
        Assert.Equal(key["kid"]!.GetValue<string>(), header["kid"]!.GetValue<string>());
        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256));
    }

    private static byte[] Base64UrlDecode(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '='));
    }
}
