namespace SmartBranch.Jpki;

/// <summary>
/// Verification on our server, the same code for the sandbox and the real card: the signature over the document, the
/// certificate chain to the configured JPKI CA certificates, validity, revocation (a platform provider's API or a CRL),
/// then the 基本4情報 read from the certificate.
/// </summary>
public interface IJpkiSignatureVerifier
{
    Task<JpkiVerification> VerifyAsync(byte[] document, JpkiSignedDocument signature, CancellationToken cancellationToken);
}

/// <param name="Identity">Set only when <see cref="Outcome"/> is <see cref="JpkiVerificationOutcome.Verified"/>.</param>
/// <param name="CertificateSerialNumber">The signer certificate's serial number (hex), for the record.</param>
public sealed record JpkiVerification(
    JpkiVerificationOutcome Outcome, JpkiIdentity? Identity, string CertificateSerialNumber, DateTimeOffset CheckedAt)
{
    public bool IsVerified => Outcome == JpkiVerificationOutcome.Verified;
}

public enum JpkiVerificationOutcome
{
    Verified,
    SignatureInvalid,
    CertificateMalformed,
    ChainUntrusted,

    /// <summary>Outside its validity period: expired, or not yet valid.</summary>
    CertificateExpired,
    CertificateRevoked,

    /// <summary>The revocation source did not answer; the application is not accepted until it does.</summary>
    RevocationUnavailable,
}

/// <summary>基本4情報 as the 署名用電子証明書 carries them.</summary>
public sealed record JpkiIdentity(string Name, string Address, DateOnly DateOfBirth, JpkiSex Sex);

public enum JpkiSex
{
    Male = 1,
    Female = 2,
    NotKnown = 3,
}
