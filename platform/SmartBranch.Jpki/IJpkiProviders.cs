namespace SmartBranch.Jpki;

/// <summary>Each tenant environment's signing provider (<c>Tenants:{slug}:{env}:Jpki:*</c>); staging defaults to the sandbox.</summary>
public interface IJpkiProviders
{
    /// <exception cref="JpkiProviderException">The environment has no signing provider configured.</exception>
    IJpkiSigningProvider SigningFor(string tenantSlug, string environmentName);

    IJpkiSignatureVerifier VerifierFor(string tenantSlug, string environmentName);
}
