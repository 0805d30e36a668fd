using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmartBranch.Jpki.Revocation;

namespace SmartBranch.Jpki.Verification;

/// <summary>
/// Verifies a 署名用電子証明書 signature in the order a refusal is most useful: the certificate parses, the signature
/// (RSA PKCS#1 v1.5 over SHA-256) matches the document, the certificate is within its validity, chains to one of the
/// configured JPKI CA certificates only (no system store), allows signing (digitalSignature or nonRepudiation),
/// carries the 基本4情報, and is not revoked according to <paramref name="revocation"/>.
/// </summary>
public sealed class JpkiSignatureVerifier(JpkiTrustAnchors trustAnchors, IJpkiRevocationSource revocation, TimeProvider time)
    : IJpkiSignatureVerifier
{
    private const X509KeyUsageFlags SigningUsages = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;

    /// <exception cref="JpkiProviderException">The configured CA certificates could not be loaded.</exception>
    public async Task<JpkiVerification> VerifyAsync(byte[] document, JpkiSignedDocument signature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signature);
        var now = time.GetUtcNow();
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(signature.SignerCertificate);
        }
        catch (CryptographicException)
        {
            return new JpkiVerification(JpkiVerificationOutcome.CertificateMalformed, null, "", now);
        }

        using (certificate)
        {
            var outcome = await CheckAsync(document, signature.Signature, certificate, now, cancellationToken);
            var identity = outcome == JpkiVerificationOutcome.Verified ? JpkiIdentityReader.Read(certificate) : null;
            return new JpkiVerification(outcome, identity, certificate.SerialNumber, now);
        }
    }

    private async Task<JpkiVerificationOutcome> CheckAsync(
        byte[] document, byte[] signature, X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var publicKey = certificate.GetRSAPublicKey();
        if (publicKey is null)
        {
            return JpkiVerificationOutcome.CertificateMalformed;
        }

        if (!publicKey.VerifyData(document, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return JpkiVerificationOutcome.SignatureInvalid;
        }

        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return JpkiVerificationOutcome.CertificateExpired;
        }

        using var issuer = await IssuerInTrustedChainAsync(certificate, now, cancellationToken);
        if (issuer is null)
        {
            return JpkiVerificationOutcome.ChainUntrusted;
        }

        if (certificate.Extensions.OfType<X509KeyUsageExtension>().SingleOrDefault() is not { } keyUsage
            || (keyUsage.KeyUsages & SigningUsages) == 0
            || JpkiIdentityReader.Read(certificate) is null)
        {
            return JpkiVerificationOutcome.CertificateMalformed;
        }

        return await revocation.CheckAsync(certificate, issuer, cancellationToken) switch
        {
            JpkiRevocationStatus.Good => JpkiVerificationOutcome.Verified,
            JpkiRevocationStatus.Revoked => JpkiVerificationOutcome.CertificateRevoked,
            _ => JpkiVerificationOutcome.RevocationUnavailable,
        };
    }

    /// <summary>The certificate's issuer when it chains to a configured CA certificate at <paramref name="now"/>; else null.</summary>
    private async Task<X509Certificate2?> IssuerInTrustedChainAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roots = await trustAnchors.GetAsync(cancellationToken);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (!chain.Build(certificate) || chain.ChainElements.Count < 2)
        {
            return null;
        }

        // The issuer is returned outside the chain, which disposes its elements' certificates.
        return X509CertificateLoader.LoadCertificate(chain.ChainElements[1].Certificate.RawData);
    }
}
