using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SmartBranch.UnitTests.Jpki;

/// <summary>A JPKI-like CA built in the test, issuing 署名用電子証明書 in the J-LIS profile, and signing with them.</summary>
internal sealed class TestJpki : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private readonly RSA _caKey = RSA.Create(2048);

    public TestJpki(string caName = "CN=Test JPKI CA, OU=JPKI for digital signature, O=JPKI, C=JP")
    {
        var request = new CertificateRequest(caName, _caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        CaWithKey = request.CreateSelfSigned(Now.AddYears(-10), Now.AddYears(10));
        Ca = X509CertificateLoader.LoadCertificate(CaWithKey.RawData);
    }

    public X509Certificate2 Ca { get; }

    private X509Certificate2 CaWithKey { get; }

    public static byte[] Document { get; } = Encoding.UTF8.GetBytes("住民票の写しの交付申請 / 通数 1");

    /// <summary>A signer's key and certificate; the certificate carries the 基本4情報 unless <paramref name="identity"/> is empty.</summary>
    public Signer Issue(
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        X509KeyUsageFlags usages = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
        (string Oid, string Value)[]? identity = null)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=20261126000001, L=平川市, L=青森県, C=JP", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usages, true));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", SubjectAlternativeName(identity ?? TaroIdentity), false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        using var certificate = request.Create(CaWithKey, notBefore ?? Now.AddYears(-1), notAfter ?? Now.AddYears(4), serial);
        return new Signer(key, X509CertificateLoader.LoadCertificate(certificate.RawData));
    }

    /// <summary>平川 太郎, 青森県平川市柏木町藤山２５番地６, 1980-04-01 (昭和: era 3), 男.</summary>
    public static (string Oid, string Value)[] TaroIdentity { get; } =
    [
        ("1.2.392.200149.8.5.5.1", "平川 太郎"),
        ("1.2.392.200149.8.5.5.2", ""),
        ("1.2.392.200149.8.5.5.3", "1"),
        ("1.2.392.200149.8.5.5.4", "319800401"),
        ("1.2.392.200149.8.5.5.5", "青森県平川市柏木町藤山２５番地６"),
        ("1.2.392.200149.8.5.5.6", ""),
    ];

    /// <summary>A CRL listing <paramref name="revoked"/>, signed by this CA (or by <paramref name="signer"/>).</summary>
    public byte[] Crl(DateTimeOffset nextUpdate, TestJpki? signer = null, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, Now.AddDays(-1));
        }

        return builder.Build((signer ?? this).CaWithKey, BigInteger.One, nextUpdate, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, Now.AddMinutes(-5));
    }

    private static byte[] SubjectAlternativeName((string Oid, string Value)[] entries)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var (oid, value) in entries)
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                {
                    writer.WriteObjectIdentifier(oid);
                    using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                    {
                        writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
                    }
                }
            }
        }

        return writer.Encode();
    }

    public void Dispose()
    {
        Ca.Dispose();
        CaWithKey.Dispose();
        _caKey.Dispose();
    }
}

internal sealed class Signer(RSA key, X509Certificate2 certificate) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;

    public SmartBranch.Jpki.JpkiSignedDocument Sign(byte[] document) =>
        new(key.SignData(document, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Certificate.RawData);

    public void Dispose()
    {
        key.Dispose();
        Certificate.Dispose();
    }
}

/// <summary>An <see cref="IHttpClientFactory"/> whose clients all go to one handler.</summary>
internal sealed class StubHttpClients(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler, IHttpClientFactory
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string> Bodies { get; } = [];

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        return await answer(request);
    }
}
