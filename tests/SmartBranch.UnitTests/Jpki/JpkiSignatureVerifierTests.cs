using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Jpki;
using SmartBranch.Jpki.Revocation;
using SmartBranch.Jpki.Verification;

namespace SmartBranch.UnitTests.Jpki;

public sealed class JpkiSignatureVerifierTests : IDisposable
{
    private static readonly Uri CrlUrl = new("https://crl.example/jpki/sign.crl");
    private readonly TestJpki _jpki = new();
    private readonly FakeTimeProvider _time = new(TestJpki.Now);

    [Fact]
    public async Task A_valid_signature_is_verified_with_the_four_facts_read_exactly_from_the_certificate()
    {
        using var signer = _jpki.Issue();

        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.Verified, result.Outcome);
        Assert.Equal(new JpkiIdentity("平川 太郎", "青森県平川市柏木町藤山２５番地６", new DateOnly(1980, 4, 1), JpkiSex.Male), result.Identity);
        Assert.Equal(signer.Certificate.SerialNumber, result.CertificateSerialNumber);
        Assert.Equal(TestJpki.Now, result.CheckedAt);
    }

    [Fact]
    public async Task A_tampered_signature_is_refused()
    {
        using var signer = _jpki.Issue();
        var signed = signer.Sign(TestJpki.Document);
        signed.Signature[10] ^= 0x01;

        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(TestJpki.Document, signed, default);

        Assert.Equal(JpkiVerificationOutcome.SignatureInvalid, result.Outcome);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task A_document_changed_after_signing_is_refused()
    {
        using var signer = _jpki.Issue();
        var signed = signer.Sign(TestJpki.Document);
        var changed = (byte[])TestJpki.Document.Clone();
        changed[^1] = (byte)'2';

        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(changed, signed, default);

        Assert.Equal(JpkiVerificationOutcome.SignatureInvalid, result.Outcome);
    }

    [Fact]
    public async Task A_certificate_from_a_CA_that_is_not_configured_is_untrusted_even_with_the_same_name()
    {
        using var impostor = new TestJpki();
        using var signer = impostor.Issue();

        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.ChainUntrusted, result.Outcome);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused()
    {
        using var signer = _jpki.Issue(notBefore: TestJpki.Now.AddYears(-5), notAfter: TestJpki.Now.AddSeconds(-1));

        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.CertificateExpired, result.Outcome);
    }

    [Fact]
    public async Task A_certificate_not_yet_valid_is_refused()
    {
        using var signer = _jpki.Issue(notBefore: TestJpki.Now.AddMinutes(1));

        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.CertificateExpired, result.Outcome);
    }

    [Fact]
    public async Task A_certificate_whose_key_may_not_sign_is_refused()
    {
        using var signer = _jpki.Issue(usages: X509KeyUsageFlags.KeyEncipherment);

        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.CertificateMalformed, result.Outcome);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_certificate_are_refused_as_malformed()
    {
        var result = await Verifier(new FixedRevocation(JpkiRevocationStatus.Good)).VerifyAsync(TestJpki.Document, new JpkiSignedDocument([1, 2, 3], [0x30, 0x03, 0x02, 0x01, 0x01]), default);

        Assert.Equal(JpkiVerificationOutcome.CertificateMalformed, result.Outcome);
        Assert.Equal("", result.CertificateSerialNumber);
    }

    [Fact]
    public async Task A_certificate_revoked_on_the_CAs_CRL_is_refused()
    {
        using var revoked = _jpki.Issue();
        using var other = _jpki.Issue();
        var http = new StubHttpClients(_ => Task.FromResult(Bytes(_jpki.Crl(TestJpki.Now.AddHours(1), null, revoked.Certificate))));
        var verifier = Verifier(Crl(http));

        var refused = await verifier.VerifyAsync(TestJpki.Document, revoked.Sign(TestJpki.Document), default);
        var accepted = await verifier.VerifyAsync(TestJpki.Document, other.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.CertificateRevoked, refused.Outcome);
        Assert.Equal(JpkiVerificationOutcome.Verified, accepted.Outcome);
        Assert.Equal(CrlUrl, Assert.Single(http.Requests).RequestUri);
    }

    [Fact]
    public async Task The_CRL_is_kept_until_its_next_update_then_fetched_again()
    {
        using var signer = _jpki.Issue();
        var revokedNow = false;
        var http = new StubHttpClients(_ => Task.FromResult(Bytes(revokedNow
            ? _jpki.Crl(_time.GetUtcNow().AddHours(1), null, signer.Certificate)
            : _jpki.Crl(TestJpki.Now.AddHours(1)))));
        var verifier = Verifier(Crl(http));

        var first = await verifier.VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);
        revokedNow = true;
        var beforeNextUpdate = await verifier.VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);
        _time.Advance(TimeSpan.FromHours(1));
        var afterNextUpdate = await verifier.VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.Verified, first.Outcome);
        Assert.Equal(JpkiVerificationOutcome.Verified, beforeNextUpdate.Outcome);
        Assert.Equal(JpkiVerificationOutcome.CertificateRevoked, afterNextUpdate.Outcome);
        Assert.Equal(2, http.Requests.Count);
    }

    [Fact]
    public async Task A_CRL_not_signed_by_the_issuing_CA_is_refused_and_revocation_is_unavailable()
    {
        using var signer = _jpki.Issue();
        using var forger = new TestJpki();
        var http = new StubHttpClients(_ => Task.FromResult(Bytes(_jpki.Crl(TestJpki.Now.AddHours(1), forger))));

        var result = await Verifier(Crl(http)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.RevocationUnavailable, result.Outcome);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task A_CRL_past_its_next_update_is_refused()
    {
        using var signer = _jpki.Issue();
        var http = new StubHttpClients(_ => Task.FromResult(Bytes(_jpki.Crl(TestJpki.Now.AddSeconds(-1)))));

        var result = await Verifier(Crl(http)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.RevocationUnavailable, result.Outcome);
    }

    [Fact]
    public async Task A_CRL_server_that_is_down_makes_revocation_unavailable_never_verified()
    {
        using var signer = _jpki.Issue();
        var down = new StubHttpClients(_ => throw new HttpRequestException("connection refused"));
        var failing = new StubHttpClients(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));

        var unreachable = await Verifier(Crl(down)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);
        var erroring = await Verifier(Crl(failing)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.RevocationUnavailable, unreachable.Outcome);
        Assert.Equal(JpkiVerificationOutcome.RevocationUnavailable, erroring.Outcome);
    }

    [Fact]
    public async Task A_certificate_the_platform_provider_reports_revoked_is_refused()
    {
        using var signer = _jpki.Issue();
        var http = new StubHttpClients(_ => Task.FromResult(Json("""{"status":"revoked"}""")));

        var result = await Verifier(Platform(http)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default);

        Assert.Equal(JpkiVerificationOutcome.CertificateRevoked, result.Outcome);
        var request = Assert.Single(http.Requests);
        Assert.Equal("https://verify.example/api/v1/certificates/status", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer platform-key", request.Headers.Authorization!.ToString());
        Assert.Equal(Convert.ToBase64String(signer.Certificate.RawData), (string?)JsonNode.Parse(http.Bodies[0])!["certificate"]);
    }

    [Fact]
    public async Task The_platform_providers_good_verifies_and_unknown_or_an_error_does_not()
    {
        using var signer = _jpki.Issue();
        var good = new StubHttpClients(_ => Task.FromResult(Json("""{"status":"good"}""")));
        var unknown = new StubHttpClients(_ => Task.FromResult(Json("""{"status":"unknown"}""")));
        var down = new StubHttpClients(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)));
        var unreachable = new StubHttpClients(_ => throw new TaskCanceledException("timeout"));

        Assert.Equal(JpkiVerificationOutcome.Verified, (await Verifier(Platform(good)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default)).Outcome);
        Assert.Equal(JpkiVerificationOutcome.RevocationUnavailable, (await Verifier(Platform(unknown)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default)).Outcome);
        Assert.Equal(JpkiVerificationOutcome.RevocationUnavailable, (await Verifier(Platform(down)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default)).Outcome);
        Assert.Equal(JpkiVerificationOutcome.RevocationUnavailable, (await Verifier(Platform(unreachable)).VerifyAsync(TestJpki.Document, signer.Sign(TestJpki.Document), default)).Outcome);
    }

    private JpkiSignatureVerifier Verifier(IJpkiRevocationSource revocation) => new(JpkiTrustAnchors.Of(_jpki.Ca), revocation, _time);

    private CrlRevocationSource Crl(StubHttpClients http) => new(http, CrlUrl, _time, NullLogger<CrlRevocationSource>.Instance);

    private static PlatformProviderRevocationSource Platform(StubHttpClients http) =>
        new(http, new Uri("https://verify.example/api/"), "platform-key", NullLogger<PlatformProviderRevocationSource>.Instance);

    private static HttpResponseMessage Bytes(byte[] body) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    public void Dispose() => _jpki.Dispose();

    private sealed class FixedRevocation(JpkiRevocationStatus status) : IJpkiRevocationSource
    {
        public Task<JpkiRevocationStatus> CheckAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken cancellationToken) =>
            Task.FromResult(status);
    }
}
