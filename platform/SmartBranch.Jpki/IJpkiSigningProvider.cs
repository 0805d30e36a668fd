namespace SmartBranch.Jpki;

/// <summary>
/// The signing step the resident performs: the My Number card's 署名用電子証明書 signs the document (RSA PKCS#1 v1.5
/// over its SHA-256 digest). A provider adapter starts it (the Digital Agency's デジタル認証アプリ, or the sandbox card in
/// the resident simulator) and collects the signature and certificate when the resident comes back.
/// </summary>
public interface IJpkiSigningProvider
{
    /// <summary>Starts signing; the resident's browser goes to <see cref="JpkiSigningStart.SigningUrl"/>.</summary>
    /// <exception cref="JpkiProviderException">The provider refused or could not be reached.</exception>
    Task<JpkiSigningStart> StartAsync(JpkiSigningRequest request, CancellationToken cancellationToken);

    /// <summary>Collects the signature once the provider has sent the resident back to <see cref="JpkiSigningRequest.ReturnUrl"/>.</summary>
    /// <exception cref="JpkiProviderException">The session is unknown, cancelled by the resident, or failed at the provider.</exception>
    Task<JpkiSignedDocument> CompleteAsync(JpkiSigningCompletion completion, CancellationToken cancellationToken);
}

/// <param name="Reference">Our reference for the signing (an application's id); never personal data.</param>
/// <param name="Document">The exact bytes the resident signs; kept by the caller to verify against.</param>
/// <param name="Title">What the resident is told they sign (住民票の写しの交付申請).</param>
/// <param name="ReturnUrl">Where the provider sends the resident back; the session id is added by the provider.</param>
public sealed record JpkiSigningRequest(string Reference, byte[] Document, string Title, Uri ReturnUrl);

public sealed record JpkiSigningStart(string SessionId, Uri SigningUrl);

/// <param name="Query">The query parameters the provider sent the resident back with.</param>
public sealed record JpkiSigningCompletion(string SessionId, IReadOnlyDictionary<string, string> Query);

/// <param name="Signature">The card's signature over the document.</param>
/// <param name="SignerCertificate">The 署名用電子証明書, DER.</param>
public sealed record JpkiSignedDocument(byte[] Signature, byte[] SignerCertificate);

public sealed class JpkiProviderException(string message, Exception? innerException = null) : Exception(message, innerException);
