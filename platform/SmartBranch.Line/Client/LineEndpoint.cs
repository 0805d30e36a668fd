namespace SmartBranch.Line.Client;

/// <summary>
/// A Messaging API endpoint this client calls: its path template (which is what logs show, as the path itself
/// may carry a user id), the host it lives on and the rate limit it counts against.
/// </summary>
internal sealed record LineEndpoint(string PathTemplate, LineRateLimitBucket RateLimit, bool OnDataHost = false)
{
    public static readonly LineEndpoint Reply = new("/v2/bot/message/reply", LineRateLimitBucket.Other);
    public static readonly LineEndpoint Push = new("/v2/bot/message/push", LineRateLimitBucket.Other);
    public static readonly LineEndpoint Multicast = new("/v2/bot/message/multicast", LineRateLimitBucket.Multicast);
    public static readonly LineEndpoint Profile = new("/v2/bot/profile/{userId}", LineRateLimitBucket.Other);
    public static readonly LineEndpoint MessageContent = new("/v2/bot/message/{messageId}/content", LineRateLimitBucket.Other, OnDataHost: true);
    public static readonly LineEndpoint BotInfo = new("/v2/bot/info", LineRateLimitBucket.Other);
    public static readonly LineEndpoint MessageQuota = new("/v2/bot/message/quota", LineRateLimitBucket.Other);
    public static readonly LineEndpoint MessageQuotaConsumption = new("/v2/bot/message/quota/consumption", LineRateLimitBucket.Other);

    /// <summary>The endpoint on the channel's host, with <paramref name="pathParameter"/> in the template's placeholder.</summary>
    public Uri UrlFor(LineChannel channel, string? pathParameter = null)
    {
        var path = PathTemplate;
        if (pathParameter is not null)
        {
            var start = path.IndexOf('{', StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            path = string.Concat(path.AsSpan(0, start), Uri.EscapeDataString(pathParameter), path.AsSpan(end + 1));
        }

        return new Uri(OnDataHost ? channel.DataApiBaseUrl : channel.ApiBaseUrl, path);
    }
}
