using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartBranch.Jpki.Revocation;
using SmartBranch.Jpki.Signing;
using SmartBranch.Jpki.Verification;

namespace SmartBranch.Jpki.Configuration;

public static class JpkiServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IJpkiProviders"/>, reading <c>Tenants:{slug}:{env}:Jpki</c> from <paramref name="configuration"/>
    /// when a provider or verifier is asked for, and the HTTP clients of the providers, CRLs and CA certificates.</summary>
    public static IServiceCollection AddJpki(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SandboxJpkiSigningProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(DigitalAgencyJpkiSigningProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(CrlRevocationSource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(PlatformProviderRevocationSource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(JpkiTrustAnchors.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IJpkiProviders>(sp => new JpkiProviders(
            configuration,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        return services;
    }
}
