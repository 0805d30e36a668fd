using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Jpki;
using SmartBranch.Jpki.Configuration;
using SmartBranch.Jpki.Signing;

namespace SmartBranch.UnitTests.Jpki;

public sealed class JpkiProvidersTests
{
    [Fact]
    public void An_environment_without_a_provider_is_a_clear_error_naming_the_setting()
    {
        var providers = Providers([]);

        var error = Assert.Throws<JpkiProviderException>(() => providers.SigningFor("hirakawa", "production"));

        Assert.Contains("Tenants:hirakawa:production:Jpki:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_environment_gets_the_provider_it_configures()
    {
        var providers = Providers(new()
        {
            ["Tenants:hirakawa:staging:Jpki:Provider"] = "Sandbox",
            ["Tenants:hirakawa:staging:Jpki:ApiBaseUrl"] = "http://localhost:5081",
            ["Tenants:hirakawa:production:Jpki:Provider"] = "DigitalAgency",
            ["Tenants:hirakawa:production:Jpki:ApiBaseUrl"] = "https://auth-and-sign.example",
            ["Tenants:hirakawa:production:Jpki:ClientId"] = "RP00000001",
            ["Tenants:hirakawa:production:Jpki:ClientSecret"] = "secret",
        });

        Assert.IsType<SandboxJpkiSigningProvider>(providers.SigningFor("hirakawa", "staging"));
        Assert.IsType<DigitalAgencyJpkiSigningProvider>(providers.SigningFor("hirakawa", "production"));
    }

    [Theory]
    [InlineData("Provider", "LinePay", "must be Sandbox or DigitalAgency")]
    [InlineData("ApiBaseUrl", "not a url", "must be an absolute http(s) URL")]
    [InlineData("ClientSecret", "", "Tenants:hirakawa:production:Jpki:ClientSecret is required")]
    public void A_wrong_or_missing_value_is_refused_with_its_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tenants:hirakawa:production:Jpki:Provider"] = "DigitalAgency",
            ["Tenants:hirakawa:production:Jpki:ApiBaseUrl"] = "https://auth-and-sign.example",
            ["Tenants:hirakawa:production:Jpki:ClientId"] = "RP00000001",
            ["Tenants:hirakawa:production:Jpki:ClientSecret"] = "secret",
        };
        settings[$"Tenants:hirakawa:production:Jpki:{key}"] = value;

        var error = Assert.Throws<JpkiProviderException>(() => Providers(settings).SigningFor("hirakawa", "production"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verifier_needs_CA_certificates_and_a_revocation_source()
    {
        var providers = Providers(new()
        {
            ["Tenants:hirakawa:staging:Jpki:CaCertificates:0"] = "/etc/jpki/signca03.cer",
            ["Tenants:hirakawa:production:Jpki:Revocation:Mode"] = "Crl",
        });

        var noRevocation = Assert.Throws<JpkiProviderException>(() => providers.VerifierFor("hirakawa", "staging"));
        var noCa = Assert.Throws<JpkiProviderException>(() => providers.VerifierFor("hirakawa", "production"));

        Assert.Contains("Tenants:hirakawa:staging:Jpki:Revocation:Mode", noRevocation.Message, StringComparison.Ordinal);
        Assert.Contains("Tenants:hirakawa:production:Jpki:CaCertificates", noCa.Message, StringComparison.Ordinal);
    }

    private static IJpkiProviders Providers(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddJpki(configuration).BuildServiceProvider().GetRequiredService<IJpkiProviders>();
    }
}
