using System.Security.Cryptography.X509Certificates;

namespace SmartBranch.Jpki.Revocation;

/// <summary>Where the verifier learns whether a 署名用電子証明書 has been revoked (失効).</summary>
public interface IJpkiRevocationSource
{
    /// <param name="certificate">The signer certificate, already chained to a configured CA.</param>
    /// <param name="issuer">The CA certificate that issued it.</param>
    /// <returns><see cref="JpkiRevocationStatus.Unavailable"/> when the source cannot answer; it never throws for that.</returns>
    Task<JpkiRevocationStatus> CheckAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken cancellationToken);
}

public enum JpkiRevocationStatus
{
    Good,
    Revoked,

    /// <summary>No trustworthy answer (source down, refused, stale or forged list, or the certificate unknown to it).</summary>
    Unavailable,
}
