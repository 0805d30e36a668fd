using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.Tests.Jpki;

public sealed class JpkiSandboxTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("住民票の写しの交付を申請します。\n通数: 1");

    [Fact]
    public async Task A_resident_signs_on_the_card_page_and_the_service_collects_a_signature_that_chains_to_the_sandbox_CA()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var browser = Browser(h);
        var userId = await h.CreateUserAsync("平川 太郎");
        var (sessionId, signingUrl) = await StartAsync(h);

        var chooser = await browser.GetStringAsync(signingUrl);
        var card = await browser.GetStringAsync($"{signingUrl}?userId={userId}");
        var signed = await SubmitAsync(browser, signingUrl, userId, "SANDBOX1");
        var result = await h.Sim.GetFromJsonAsync<JsonObject>($"/jpki/v1/sign-requests/{sessionId}/result");

        Assert.Contains("住民票の写しの交付申請", chooser, StringComparison.Ordinal);
        Assert.Contains("通数: 1", chooser, StringComparison.Ordinal);
        Assert.Contains("平川 太郎 さんのカード", chooser, StringComparison.Ordinal);
        Assert.Contains("青森県平川市柏木町藤山２５番地６", card, StringComparison.Ordinal);
        Assert.Contains("1980年4月1日", card, StringComparison.Ordinal);
        Assert.Contains("SANDBOX1", card, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal($"https://city.example/r/apply?id=7&session={sessionId}&result=signed", signed.Headers.Location!.AbsoluteUri);
        Assert.Equal("signed", (string?)result!["status"]);

        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String((string)result["certificate"]!));
        using var ca = X509CertificateLoader.LoadCertificate(await h.Sim.GetByteArrayAsync("/jpki/ca.cer"));
        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.True(publicKey.VerifyData(Document, Convert.FromBase64String((string)result["signature"]!), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Contains("JPKI サンドボックス認証局", ca.Subject, StringComparison.Ordinal);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(certificate));
        Assert.Null(certificate.GetRSAPrivateKey());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_tries_left_and_the_fifth_locks_the_card()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var browser = Browser(h);
        var userId = await h.CreateUserAsync();
        var (sessionId, signingUrl) = await StartAsync(h);
        await browser.GetStringAsync($"{signingUrl}?userId={userId}");

        var first = await SubmitAsync(browser, signingUrl, userId, "WRONG1");
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync(browser, signingUrl, userId, "WRONG1");
        }

        var fifth = await SubmitAsync(browser, signingUrl, userId, "WRONG1");
        var rightAfterLock = await SubmitAsync(browser, signingUrl, userId, "SANDBOX1");
        var back = await CancelAsync(browser, signingUrl, userId);
        var result = await h.Sim.GetFromJsonAsync<JsonObject>($"/jpki/v1/sign-requests/{sessionId}/result");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Contains("署名用パスワードが違います。あと4回間違えると", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var locked = await fifth.Content.ReadAsStringAsync();
        Assert.Contains("5回続けて間違えたため", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", locked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rightAfterLock.StatusCode);
        Assert.EndsWith($"session={sessionId}&result=locked", back.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("locked", (string?)result!["status"]);
    }

    [Fact]
    public async Task A_resident_who_cancels_returns_to_the_service_and_the_session_ends()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var browser = Browser(h);
        var userId = await h.CreateUserAsync();
        var (sessionId, signingUrl) = await StartAsync(h);

        var back = await CancelAsync(browser, signingUrl, userId);
        var again = await browser.GetAsync(signingUrl);
        var result = await h.Sim.GetFromJsonAsync<JsonObject>($"/jpki/v1/sign-requests/{sessionId}/result");

        Assert.EndsWith("result=cancelled", back.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("すでに終わっています", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("cancelled", (string?)result!["status"]);
    }

    [Fact]
    public async Task A_revoked_certificate_is_on_the_CRL_and_the_status_API_says_revoked()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();
        var card = await h.Sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/jpki");
        var certificate = await SignedCertificateAsync(h, userId);

        var before = await StatusAsync(h, certificate);
        var revoked = await h.Sim.PostAsync($"/_sim/users/{userId}/jpki/revoke", null);
        var after = await StatusAsync(h, certificate);
        var crl = CertificateRevocationListBuilder.Load(await h.Sim.GetByteArrayAsync("/jpki/crl"), out _);

        Assert.Equal("good", before);
        Assert.True((bool)(await revoked.Content.ReadFromJsonAsync<JsonObject>())!["revoked"]!);
        Assert.Equal("revoked", after);
        Assert.True(crl.RemoveEntry(Convert.FromHexString((string)card!["serialNumber"]!)));
    }

    [Fact]
    public async Task The_status_API_needs_a_key_and_does_not_vouch_for_certificates_it_did_not_issue()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var key = RSA.Create(2048);
        using var foreign = new CertificateRequest("CN=someone else", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var withoutKey = await h.Sim.PostAsJsonAsync("/jpki/v1/certificates/status", new { certificate = Convert.ToBase64String(foreign.RawData) });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal("unknown", await StatusAsync(h, foreign.RawData));
    }

    [Fact]
    public async Task The_expired_control_gives_the_resident_a_certificate_past_its_validity()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var userId = await h.CreateUserAsync();

        var issued = await h.Sim.PostAsync($"/_sim/users/{userId}/jpki/expired", null);
        using var certificate = X509CertificateLoader.LoadCertificate(await SignedCertificateAsync(h, userId));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.True(certificate.NotAfter.ToUniversalTime() < DateTime.UtcNow);
    }

    [Fact]
    public async Task The_cards_page_lists_residents_and_its_buttons_revoke()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var browser = Browser(h);
        var userId = await h.CreateUserAsync("平川 花子");

        var page = await browser.GetStringAsync("/_sim/jpki/cards");
        var revoke = await browser.PostAsync($"/_sim/jpki/cards/{userId}/revoke", null);
        var after = await browser.GetStringAsync("/_sim/jpki/cards");

        Assert.Contains("平川 花子", page, StringComparison.Ordinal);
        Assert.Contains("有効", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Contains("<td>失効</td>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_request_without_its_fields_is_refused_with_each_problem()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var response = await h.Sim.PostAsJsonAsync("/jpki/v1/sign-requests", new { title = "申請", document = "not base64!", returnUrl = "javascript:alert(1)" });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var properties = body!["details"]!.AsArray().Select(d => (string)d!["property"]!).Order().ToArray();
        Assert.Equal(["document", "reference", "returnUrl"], properties);
    }

    private static HttpClient Browser(EmulatorHarness h) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = h.Server.BaseUrl };

    private static async Task<(string SessionId, string SigningUrl)> StartAsync(EmulatorHarness h)
    {
        var response = await h.Sim.PostAsJsonAsync("/jpki/v1/sign-requests", new
        {
            reference = "application-7",
            title = "住民票の写しの交付申請",
            document = Convert.ToBase64String(Document),
            returnUrl = "https://city.example/r/apply?id=7",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)body["sessionId"]!, (string)body["signingUrl"]!);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string signingUrl, string userId, string password) =>
        browser.PostAsync(signingUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = userId,
            ["action"] = "sign",
            ["password"] = password,
        }));

    private static Task<HttpResponseMessage> CancelAsync(HttpClient browser, string signingUrl, string userId) =>
        browser.PostAsync(signingUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["userId"] = userId, ["action"] = "cancel" }));

    private static async Task<byte[]> SignedCertificateAsync(EmulatorHarness h, string userId)
    {
        using var browser = Browser(h);
        var (sessionId, signingUrl) = await StartAsync(h);
        await browser.GetStringAsync($"{signingUrl}?userId={userId}");
        await SubmitAsync(browser, signingUrl, userId, "SANDBOX1");
        var result = await h.Sim.GetFromJsonAsync<JsonObject>($"/jpki/v1/sign-requests/{sessionId}/result");
        return Convert.FromBase64String((string)result!["certificate"]!);
    }

    private static async Task<string> StatusAsync(EmulatorHarness h, byte[] certificate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jpki/v1/certificates/status")
        {
            Content = JsonContent.Create(new { certificate = Convert.ToBase64String(certificate) }),
        };
        request.Headers.Authorization = new("Bearer", "sandbox-key");
        var response = await h.Sim.SendAsync(request);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!;
    }
}
