using SmartBranch.Jpki.Configuration;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.LineEmulator;

namespace SmartBranch.Server.Hosting;

/// <summary>
/// JPKI signing and verification per tenant environment (<c>Tenants:{slug}:{env}:Jpki</c>). As LINE does, staging
/// defaults to the emulator at <c>Emulator:Url</c>: its sandbox card signs, its test CA is the only trusted root and
/// its CRL is the revocation source. Production has no default: signing there is refused until a provider is configured.
/// </summary>
internal static class JpkiSandboxDefaults
{
    public static WebApplicationBuilder AddJpkiWithSandboxDefaults(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var staging = $"{JpkiSettingsReader.EnvironmentDefaultsSection}:{TenantEnvironmentNames.Staging}";
        if (!configuration.GetSection(staging).Exists())
        {
            var emulator = new Uri(configuration["Emulator:Url"] ?? new LineEmulatorOptions().Url);
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{staging}:Provider"] = nameof(JpkiProviderKind.Sandbox),
                [$"{staging}:ApiBaseUrl"] = emulator.AbsoluteUri,
                [$"{staging}:CaCertificates:0"] = LineEmulatorServer.JpkiCaCertificateUrlFor(emulator).AbsoluteUri,
                [$"{staging}:Revocation:Mode"] = nameof(JpkiRevocationMode.Crl),
                [$"{staging}:Revocation:CrlUrl"] = LineEmulatorServer.JpkiCrlUrlFor(emulator).AbsoluteUri,
            });
        }

        builder.Services.AddJpki(configuration);
        return builder;
    }
}
