namespace SmartBranch.LineEmulator.RateLimiting;

/// <summary>A per-channel, per-endpoint request ceiling. LINE's published limits:
/// https://developers.line.biz/en/reference/messaging-api/#rate-limits</summary>
internal sealed record RateLimitPolicy(string Key, int Limit, TimeSpan Window)
{
    /// <summary>Send multicast message: 200 requests per second.</summary>
    public static readonly RateLimitPolicy Multicast = new("multicast", 200, TimeSpan.FromSeconds(1));

    /// <summary>Send narrowcast message: 60 requests per hour.</summary>
    public static readonly RateLimitPolicy Narrowcast = new("narrowcast", 60, TimeSpan.FromHours(1));

    /// <summary>Send broadcast message: 60 requests per hour.</summary>
    public static readonly RateLimitPolicy Broadcast = new("broadcast", 60, TimeSpan.FromHours(1));

    /// <summary>Create rich menu: 100 requests per hour.</summary>
    public static readonly RateLimitPolicy RichMenuCreate = new("richmenu-create", 100, TimeSpan.FromHours(1));

    /// <summary>Other endpoints: 2,000 requests per second.</summary>
    public static RateLimitPolicy Default(string endpointKey) => new(endpointKey, 2000, TimeSpan.FromSeconds(1));
}
