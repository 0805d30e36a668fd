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
    /// <summary>An environment serves residents only once its channel secret and access token exist.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ChannelSecret) && !string.IsNullOrWhiteSpace(ChannelAccessToken);

    /// <summary>The channel as the LINE client sees it; only meaningful when <see cref="IsConfigured"/>.</summary>
    public LineChannel ToChannel(string fallbackChannelKey) =>
        new(string.IsNullOrWhiteSpace(ChannelId) ? fallbackChannelKey : ChannelId, ChannelAccessToken ?? "", ApiBaseUrl, DataApiBaseUrl);

    public override string ToString() =>
        $"TenantLineSettings {{ Mode = {Mode}, ChannelId = {ChannelId}, ApiBaseUrl = {ApiBaseUrl}, Configured = {IsConfigured} }}";
}
