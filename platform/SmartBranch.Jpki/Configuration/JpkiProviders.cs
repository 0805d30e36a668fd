using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SmartBranch.Jpki.Revocation;
using SmartBranch.Jpki.Signing;
using SmartBranch.Jpki.Verification;

namespace SmartBranch.Jpki.Configuration;

/// <summary>
/// Builds each tenant environment's signing provider and verifier from <c>Tenants:{slug}:{env}:Jpki</c>. A verifier is
/// kept per environment (its CA certificates and CRL are cached in it); signing providers are cheap and made per call.
/// </summary>
internal sealed class JpkiProviders(
    IConfiguration configuration, IHttpClientFactory httpClients, TimeProvider time, ILoggerFactory loggers) : IJpkiProviders
{
    private readonly ConcurrentDictionary<(string Tenant, string Environment), Lazy<IJpkiSignatureVerifier>> _verifiers = new();

    public IJpkiSigningProvider SigningFor(string tenantSlug, string environmentName)
    {
        var settings = JpkiSettingsReader.Read(configuration, tenantSlug, environmentName);
        var path = JpkiSettingsReader.SectionPath(tenantSlug, environmentName);
        return settings.Provider switch
        {
            JpkiProviderKind.Sandbox => new SandboxJpkiSigningProvider(
                httpClients.CreateClient(SandboxJpkiSigningProvider.HttpClientName), Required(settings.ApiBaseUrl, path, "ApiBaseUrl")),
            JpkiProviderKind.DigitalAgency => new DigitalAgencyJpkiSigningProvider(
                httpClients.CreateClient(DigitalAgencyJpkiSigningProvider.HttpClientName),
                Required(settings.ApiBaseUrl, path, "ApiBaseUrl"),
                Required(settings.ClientId, path, "ClientId"),
                Required(settings.ClientSecret, path, "ClientSecret")),
            _ => throw new JpkiProviderException(
                $"{tenantSlug}/{environmentName} has no JPKI signing provider: set {path}:Provider to Sandbox or DigitalAgency."),
        };
    }

    /// <exception cref="JpkiProviderException">The environment has no CA certificates or revocation source configured.</exception>
    public IJpkiSignatureVerifier VerifierFor(string tenantSlug, string environmentName)
    {
        var verifier = _verifiers.GetOrAdd(
            (tenantSlug, environmentName),
            key => new Lazy<IJpkiSignatureVerifier>(() => CreateVerifier(key.Tenant, key.Environment)));
        try
        {
            return verifier.Value;
        }
        catch (JpkiProviderException)
        {
            // Not kept: the configuration may be completed while the server runs.
            _verifiers.TryRemove(new KeyValuePair<(string, string), Lazy<IJpkiSignatureVerifier>>((tenantSlug, environmentName), verifier));
            throw;
        }
    }

    private JpkiSignatureVerifier CreateVerifier(string tenantSlug, string environmentName)
    {
        var settings = JpkiSettingsReader.Read(configuration, tenantSlug, environmentName);
        var path = JpkiSettingsReader.SectionPath(tenantSlug, environmentName);
        if (settings.CaCertificates.Count == 0)
        {
            throw new JpkiProviderException($"{tenantSlug}/{environmentName} has no JPKI CA certificates: set {path}:CaCertificates (paths or URLs).");
        }

        var revocation = settings.Revocation;
        IJpkiRevocationSource source = revocation.Mode switch
        {
            JpkiRevocationMode.Crl => new CrlRevocationSource(
                httpClients, Required(revocation.CrlUrl, path, "Revocation:CrlUrl"), time, loggers.CreateLogger<CrlRevocationSource>()),
            JpkiRevocationMode.PlatformProvider => new PlatformProviderRevocationSource(
                httpClients,
                Required(revocation.ApiBaseUrl, path, "Revocation:ApiBaseUrl"),
                Required(revocation.ApiKey, path, "Revocation:ApiKey"),
                loggers.CreateLogger<PlatformProviderRevocationSource>()),
            _ => throw new JpkiProviderException(
                $"{tenantSlug}/{environmentName} has no JPKI revocation source: set {path}:Revocation:Mode to Crl or PlatformProvider."),
        };
        return new JpkiSignatureVerifier(new JpkiTrustAnchors(httpClients, settings.CaCertificates), source, time);
    }

    private static T Required<T>(T? value, string path, string key)
        where T : class =>
        value ?? throw new JpkiProviderException($"{path}:{key} is required.");
}
