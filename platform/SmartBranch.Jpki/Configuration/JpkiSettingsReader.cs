using Microsoft.Extensions.Configuration;

namespace SmartBranch.Jpki.Configuration;

/// <summary>
/// Reads <c>Tenants:{slug}:{env}:Jpki</c>, or, when a tenant environment sets nothing there, the defaults of its
/// environment name, <c>Jpki:EnvironmentDefaults:{env}</c> (the server defaults staging to the emulator's sandbox).
/// A value that is present but wrong is a <see cref="JpkiProviderException"/> naming the key.
/// </summary>
public static class JpkiSettingsReader
{
    public const string EnvironmentDefaultsSection = "Jpki:EnvironmentDefaults";

    public static string SectionPath(string tenantSlug, string environmentName) => $"Tenants:{tenantSlug}:{environmentName}:Jpki";

    public static JpkiSettings Read(IConfiguration configuration, string tenantSlug, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = SectionPath(tenantSlug, environmentName);
        if (!configuration.GetSection(path).Exists())
        {
            path = $"{EnvironmentDefaultsSection}:{environmentName}";
        }

        var section = configuration.GetSection(path);
        var revocation = section.GetSection("Revocation");
        return new JpkiSettings(
            Enum<JpkiProviderKind>(section, "Provider", path),
            Url(section, "ApiBaseUrl", path),
            Text(section, "ClientId"),
            Text(section, "ClientSecret"),
            new JpkiRevocationSettings(
                Enum<JpkiRevocationMode>(revocation, "Mode", $"{path}:Revocation"),
                Url(revocation, "CrlUrl", $"{path}:Revocation"),
                Url(revocation, "ApiBaseUrl", $"{path}:Revocation"),
                Text(revocation, "ApiKey")),
            CaCertificates(section.GetSection("CaCertificates")));
    }

    private static string? Text(IConfigurationSection section, string key) => section[key] is { Length: > 0 } text ? text : null;

    private static TEnum? Enum<TEnum>(IConfigurationSection section, string key, string path)
        where TEnum : struct, Enum =>
        Text(section, key) switch
        {
            null => null,
            var text when System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _) => value,
            var text => throw new JpkiProviderException(
                $"{path}:{key} must be {string.Join(" or ", System.Enum.GetNames<TEnum>())}, not '{text}'."),
        };

    /// <summary>A base URL, with a trailing slash so relative API paths keep its path.</summary>
    private static Uri? Url(IConfigurationSection section, string key, string path) =>
        Text(section, key) switch
        {
            null => null,
            var text when Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                => url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"),
            var text => throw new JpkiProviderException($"{path}:{key} must be an absolute http(s) URL, not '{text}'."),
        };

    /// <summary>A list (<c>CaCertificates:0</c>, <c>:1</c>…) or one value.</summary>
    private static string[] CaCertificates(IConfigurationSection section) =>
        section.Value is { Length: > 0 } single
            ? [single]
            : [.. section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)];
}
