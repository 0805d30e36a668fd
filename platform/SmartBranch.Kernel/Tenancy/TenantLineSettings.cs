using SmartBranch.Line;

namespace SmartBranch.Kernel.Tenancy;

public enum LineMode
{
    /// <summary>The real LINE platform.</summary>
    Line,

    /// <summary>The built-in LINE emulator (never for production).</summary>
    Emulator,
}

/// <summary>
/// An environment's LINE channel, from configuration <c>Tenants:&lt;slug&gt;:&lt;env&gt;:Line:*</c>.
/// Secrets come only from configuration (environment variables, a secret store), never from tenant files.
/// </summary>
public sealed record TenantLineSettings(
    LineMode Mode,
    string? ChannelId,
    string? ChannelSecret,
    string? ChannelAccessToken,
    Uri ApiBaseUrl,
    Uri DataApiBaseUrl,
    string? LoginChannelId,
    string? LiffId)
{
    /// <summary>LINE's LIFF SDK, which resident pages load.</summary>
    public static readonly Uri LineLiffSdkUrl = new("https://static.line-scdn.net/liff/edge/2/sdk.js");

    /// <summary>The LIFF SDK a resident page of this environment loads: LINE's, or in Emulator mode the emulator's
    /// stand-in (<c>/_sim/liff/sdk.js</c> on the emulator's origin), which gives the page the simulated resident's
    /// ID token, verified like LINE's at <c>/oauth2/v2.1/verify</c>.</summary>
    public Uri LiffSdkUrl => Mode == LineMode.Emulator ? new Uri(ApiBaseUrl, "/_sim/liff/sdk.js") : LineLiffSdkUrl;

    /// <summary>An environment serves residents only once its channel secret and access token exist.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ChannelSecret) && !string.IsNullOrWhiteSpace(ChannelAccessToken);

    /// <summary>The channel as the LINE client sees it; only meaningful when <see cref="IsConfigured"/>.</summary>
    public LineChannel ToChannel(string fallbackChannelKey) =>
        new(string.IsNullOrWhiteSpace(ChannelId) ? fallbackChannelKey : ChannelId, ChannelAccessToken ?? "", ApiBaseUrl, DataApiBaseUrl);

    public override string ToString() =>
        $"TenantLineSettings {{ Mode = {Mode}, ChannelId = {ChannelId}, ApiBaseUrl = {ApiBaseUrl}, Configured = {IsConfigured} }}";
}
