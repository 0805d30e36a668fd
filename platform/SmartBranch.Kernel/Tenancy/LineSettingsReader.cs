using Microsoft.Extensions.Configuration;
using SmartBranch.Line;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Reads <c>Tenants:&lt;slug&gt;:&lt;env&gt;:Line:*</c> with the defaults of ARCHITECTURE.md. Each value set in
/// configuration wins over the channel stored in the console, which wins over the default.
/// </summary>
internal static class LineSettingsReader
{
    public const string DefaultEmulatorUrl = "http://localhost:5081";

    public static TenantLineSettings Read(IConfiguration configuration, string slug, string environment, Uri emulatorUrl, LineChannelInput? stored = null)
    {
        var section = configuration.GetSection($"Tenants:{slug}:{environment}:Line");
        var defaultMode = environment == TenantEnvironmentNames.Staging ? LineMode.Emulator : LineMode.Line;
        var mode = section["Mode"] is { Length: > 0 } text
            ? Enum.TryParse<LineMode>(text, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Tenants:{slug}:{environment}:Line:Mode must be Line or Emulator, not '{text}'.")
            : stored?.Mode ?? defaultMode;

        if (mode == LineMode.Emulator && environment == TenantEnvironmentNames.Production)
        {
            throw new InvalidOperationException(
                $"Tenants:{slug}:{environment}:Line:Mode is Emulator, but the emulator never serves a production environment.");
        }

        var (apiDefault, dataDefault) = mode == LineMode.Emulator
            ? (emulatorUrl, emulatorUrl)
            : (LineChannel.LineApiBaseUrl, LineChannel.LineDataApiBaseUrl);

        return new TenantLineSettings(
            mode,
            NullIfEmpty(section["ChannelId"]) ?? stored?.ChannelId,
            NullIfEmpty(section["ChannelSecret"]) ?? stored?.ChannelSecret,
            NullIfEmpty(section["ChannelAccessToken"]) ?? stored?.ChannelAccessToken,
            ReadUrl(section, "ApiBaseUrl", stored?.ApiBaseUrl ?? apiDefault),
            ReadUrl(section, "DataApiBaseUrl", stored?.DataApiBaseUrl ?? dataDefault),
            NullIfEmpty(section["LoginChannelId"]) ?? stored?.LoginChannelId,
            NullIfEmpty(section["LiffId"]) ?? stored?.LiffId);
    }

    private static Uri ReadUrl(IConfigurationSection section, string key, Uri fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new InvalidOperationException($"{section.Path}:{key} must be an absolute http(s) URL, not '{text}'.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
