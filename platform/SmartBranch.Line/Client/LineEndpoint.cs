namespace SmartBranch.Line.Client;

/// <summary>
/// A Messaging API endpoint this client calls: its path template (which is what logs show, as the path itself
/// may carry a user id), the host it lives on, the rate limit it counts against and whether repeating it is safe.
/// </summary>
/// <param name="Retryable">False where a repeat after a lost answer would do the work twice or fail (creating a rich menu
/// or an alias, uploading an image that can be set only once): such calls are made once and their failures reported.</param>
internal sealed record LineEndpoint(string PathTemplate, LineRateLimitBucket RateLimit, bool OnDataHost = false, bool Retryable = true)
{
    public static readonly LineEndpoint Reply = new("/v2/bot/message/reply", LineRateLimitBucket.Other);
    public static readonly LineEndpoint Push = new("/v2/bot/message/push", LineRateLimitBucket.Other);
    public static readonly LineEndpoint Multicast = new("/v2/bot/message/multicast", LineRateLimitBucket.Multicast);
    public static readonly LineEndpoint Profile = new("/v2/bot/profile/{userId}", LineRateLimitBucket.Other);
    public static readonly LineEndpoint MessageContent = new("/v2/bot/message/{messageId}/content", LineRateLimitBucket.Other, OnDataHost: true);
    public static readonly LineEndpoint BotInfo = new("/v2/bot/info", LineRateLimitBucket.Other);
    public static readonly LineEndpoint MessageQuota = new("/v2/bot/message/quota", LineRateLimitBucket.Other);
    public static readonly LineEndpoint MessageQuotaConsumption = new("/v2/bot/message/quota/consumption", LineRateLimitBucket.Other);

    public static readonly LineEndpoint CreateRichMenu = new("/v2/bot/richmenu", LineRateLimitBucket.Other, Retryable: false);
    public static readonly LineEndpoint ValidateRichMenu = new("/v2/bot/richmenu/validate", LineRateLimitBucket.Other);
    public static readonly LineEndpoint RichMenuList = new("/v2/bot/richmenu/list", LineRateLimitBucket.Other);
    public static readonly LineEndpoint RichMenu = new("/v2/bot/richmenu/{richMenuId}", LineRateLimitBucket.Other);
    public static readonly LineEndpoint UploadRichMenuImage = new("/v2/bot/richmenu/{richMenuId}/content", LineRateLimitBucket.Other, OnDataHost: true, Retryable: false);
    public static readonly LineEndpoint DownloadRichMenuImage = new("/v2/bot/richmenu/{richMenuId}/content", LineRateLimitBucket.Other, OnDataHost: true);
    public static readonly LineEndpoint DefaultRichMenu = new("/v2/bot/user/all/richmenu", LineRateLimitBucket.Other);
    public static readonly LineEndpoint SetDefaultRichMenu = new("/v2/bot/user/all/richmenu/{richMenuId}", LineRateLimitBucket.Other);
    public static readonly LineEndpoint UserRichMenu = new("/v2/bot/user/{userId}/richmenu", LineRateLimitBucket.Other);
    public static readonly LineEndpoint LinkUserRichMenu = new("/v2/bot/user/{userId}/richmenu/{richMenuId}", LineRateLimitBucket.Other);
    public static readonly LineEndpoint BulkLinkRichMenu = new("/v2/bot/richmenu/bulk/link", LineRateLimitBucket.Other);
    public static readonly LineEndpoint BulkUnlinkRichMenu = new("/v2/bot/richmenu/bulk/unlink", LineRateLimitBucket.Other);
    public static readonly LineEndpoint CreateRichMenuAlias = new("/v2/bot/richmenu/alias", LineRateLimitBucket.Other, Retryable: false);
    public static readonly LineEndpoint RichMenuAlias = new("/v2/bot/richmenu/alias/{richMenuAliasId}", LineRateLimitBucket.Other);
    public static readonly LineEndpoint RichMenuAliasList = new("/v2/bot/richmenu/alias/list", LineRateLimitBucket.Other);

    /// <summary>The endpoint on the channel's host, with <paramref name="pathParameters"/> in the template's placeholders, in order.</summary>
    public Uri UrlFor(LineChannel channel, params ReadOnlySpan<string> pathParameters)
    {
        var path = PathTemplate;
        foreach (var parameter in pathParameters)
        {
            var start = path.IndexOf('{', StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            path = string.Concat(path.AsSpan(0, start), Uri.EscapeDataString(parameter), path.AsSpan(end + 1));
        }

        return new Uri(OnDataHost ? channel.DataApiBaseUrl : channel.ApiBaseUrl, path);
    }
}
