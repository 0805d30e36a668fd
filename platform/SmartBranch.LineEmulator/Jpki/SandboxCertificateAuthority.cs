using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartBranch.LineEmulator.Jpki;

/// <summary>
/// 「JPKI サンドボックス認証局」: an RSA 2048 CA created once per emulator run that issues test 署名用電子証明書 in the
/// J-LIS profile (基本4情報 as subjectAltName otherNames under 1.2.392.200149.8.5.5, key usage digitalSignature and
/// nonRepudiation) and publishes a CRL of the certificates it revoked. Its private key never leaves this object.
/// </summary>
internal sealed class SandboxCertificateAuthority : IDisposable
{
    public const string Name = "JPKI サンドボックス認証局";

    /// <summary>How long a published CRL stays current: short, so a revocation in the simulator is seen within a minute.</summary>
    public static readonly TimeSpan CrlLifetime = TimeSpan.FromMinutes(1);

    private const string ProfileArc = "1.2.392.200149.8.5.5.";
    private readonly RSA _key = RSA.Create(2048);
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte[]> _issued = new(StringComparer.OrdinalIgnoreCase);
    private long _crlNumber;

    public SandboxCertificateAuthority(TimeProvider time)
    {
        _time = time;
        var now = time.GetUtcNow();
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("JP");
        subject.AddOrganizationName("JPKI Sandbox");
        subject.AddOrganizationalUnitName("JPKI for digital signature");
        subject.AddCommonName(Name);
        var request = new CertificateRequest(subject.Build(), _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Valid from long ago, so it can also issue the expired certificates the simulator offers.
        using var selfSigned = request.CreateSelfSigned(now.AddYears(-10), now.AddYears(10));
        Certificate = X509CertificateLoader.LoadCertificate(selfSigned.Export(X509ContentType.Cert));
    }

    /// <summary>The CA certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Issues a 署名用電子証明書 for <paramref name="key"/>; an expired one when <paramref name="expired"/>.</summary>
    /// <param name="crlUrl">Where the CRL is published, recorded in the certificate's CRL distribution point.</param>
    public X509Certificate2 Issue(SandboxIdentity identity, RSA key, bool expired, Uri crlUrl)
    {
        var now = _time.GetUtcNow();
        var (notBefore, notAfter) = expired ? (now.AddYears(-5).AddDays(-1), now.AddDays(-1)) : (now.AddMinutes(-5), now.AddYears(5));
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("JP");
        subject.AddLocalityName("青森県");
        subject.AddLocalityName("平川市");
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        subject.AddCommonName(Convert.ToHexString(serial));
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", SubjectAlternativeName(identity), false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl.AbsoluteUri]));
        using var signer = Certificate.CopyWithPrivateKey(_key);
        var certificate = request.Create(signer, notBefore, notAfter, serial);
        _issued[certificate.SerialNumber] = certificate.RawData;
        return certificate;
    }

    public void Revoke(X509Certificate2 certificate) => _revoked.TryAdd(certificate.SerialNumber, _time.GetUtcNow());

    public bool IsRevoked(X509Certificate2 certificate) => _revoked.ContainsKey(certificate.SerialNumber);

    /// <summary>"good", "revoked" or "unknown" (not a certificate this CA issued): a platform provider's answer.</summary>
    public string StatusOf(byte[] certificate)
    {
        try
        {
            using var presented = X509CertificateLoader.LoadCertificate(certificate);
            return !_issued.TryGetValue(presented.SerialNumber, out var issued) || !issued.AsSpan().SequenceEqual(certificate) ? "unknown"
                : _revoked.ContainsKey(presented.SerialNumber) ? "revoked"
                : "good";
        }
        catch (CryptographicException)
        {
            return "unknown";
        }
    }

    /// <summary>A CRL listing every revoked certificate, signed now and current for <see cref="CrlLifetime"/>.</summary>
    public byte[] PublishCrl()
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (serial, revokedAt) in _revoked)
        {
            builder.AddEntry(Convert.FromHexString(serial), revokedAt, X509RevocationReason.KeyCompromise);
        }

        var now = _time.GetUtcNow();
        using var signer = Certificate.CopyWithPrivateKey(_key);
        return builder.Build(signer, new BigInteger(Interlocked.Increment(ref _crlNumber)), now.Add(CrlLifetime), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now);
    }

    private static byte[] SubjectAlternativeName(SandboxIdentity identity)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            OtherName(writer, "1", identity.Name);
            OtherName(writer, "2", "");
            OtherName(writer, "3", identity.Sex);
            OtherName(writer, "4", identity.DateOfBirthValue);
            OtherName(writer, "5", identity.Address);
            OtherName(writer, "6", "");
        }

        return writer.Encode();
    }

    private static void OtherName(AsnWriter writer, string arcNumber, string value)
    {
        var otherName = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        using (writer.PushSequence(otherName))
        {
            writer.WriteObjectIdentifier(ProfileArc + arcNumber);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            {
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
            }
        }
    }

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }
}
