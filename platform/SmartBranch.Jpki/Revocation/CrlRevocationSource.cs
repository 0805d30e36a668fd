using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace SmartBranch.Jpki.Revocation;

/// <summary>
/// Revocation from the CA's certificate revocation list at a configured URL. The list is used only when it is signed by
/// the certificate's issuer and current (thisUpdate passed, nextUpdate not); it is kept until its nextUpdate, then
/// fetched again. A list that cannot be fetched, parsed or trusted gives <see cref="JpkiRevocationStatus.Unavailable"/>.
/// </summary>
public sealed partial class CrlRevocationSource(
    IHttpClientFactory httpClients, Uri crlUrl, TimeProvider time, ILogger<CrlRevocationSource> logger) : IJpkiRevocationSource
{
    public const string HttpClientName = "jpki-crl";

    private readonly Lock _gate = new();
    private X509Crl? _cached;
    private Task<X509Crl?>? _fetch;

    public async Task<JpkiRevocationStatus> CheckAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        var crl = await CurrentListAsync(issuer, cancellationToken);
        if (crl is null)
        {
            return JpkiRevocationStatus.Unavailable;
        }

        var subject = new X509CertificateParser().ReadCertificate(certificate.RawData);
        return crl.IsRevoked(subject) ? JpkiRevocationStatus.Revoked : JpkiRevocationStatus.Good;
    }

    /// <summary>The cached list while it is current, else one fetch shared by the callers waiting for it.</summary>
    private async Task<X509Crl?> CurrentListAsync(X509Certificate2 issuer, CancellationToken cancellationToken)
    {
        var caCertificate = new X509CertificateParser().ReadCertificate(issuer.RawData);
        Task<X509Crl?> fetch;
        lock (_gate)
        {
            if (_cached is { } cached && IsCurrentFrom(cached, caCertificate))
            {
                return cached;
            }

            fetch = _fetch is { IsCompleted: false } running ? running : _fetch = FetchAsync(caCertificate);
        }

        return await fetch.WaitAsync(cancellationToken);
    }

    private async Task<X509Crl?> FetchAsync(Org.BouncyCastle.X509.X509Certificate issuer)
    {
        X509Crl fetched;
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            fetched = new X509CrlParser().ReadCrl(await client.GetByteArrayAsync(crlUrl));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or CrlException
            or Org.BouncyCastle.Asn1.Asn1Exception or ArgumentException or InvalidCastException)
        {
            LogFetchFailed(logger, crlUrl, e.GetType().Name);
            return null;
        }

        if (fetched is null || !IsCurrentFrom(fetched, issuer))
        {
            LogListRefused(logger, crlUrl);
            return null;
        }

        lock (_gate)
        {
            _cached = fetched;
        }

        return fetched;
    }

    private bool IsCurrentFrom(X509Crl crl, Org.BouncyCastle.X509.X509Certificate issuer)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!crl.IssuerDN.Equivalent(issuer.SubjectDN) || crl.ThisUpdate > now || crl.NextUpdate is not { } next || next <= now)
        {
            return false;
        }

        try
        {
            crl.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is InvalidKeyException or SignatureException or CrlException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "JPKI CRL from {CrlUrl} could not be fetched ({Error}); revocation is unavailable.")]
    private static partial void LogFetchFailed(ILogger logger, Uri crlUrl, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JPKI CRL from {CrlUrl} was refused: not signed by the issuing CA, or not current.")]
    private static partial void LogListRefused(ILogger logger, Uri crlUrl);
}
