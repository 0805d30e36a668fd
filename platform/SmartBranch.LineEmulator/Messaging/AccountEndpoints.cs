using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Messaging;

/// <summary>Validation, quota, profile, followers, bot info, webhook endpoint settings and message content.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder bot)
    {
        foreach (var kind in new[] { "reply", "push", "multicast", "narrowcast", "broadcast" })
        {
            bot.MapPost($"/message/validate/{kind}", Validate);
        }

        // Quota: type "none" unless the simulation API set a limit (POST /_sim/channels/{channelId}/quota).
        bot.MapGet("/message/quota", (HttpContext http) => http.Channel().Quota.Limit is { } limit
            ? LineErrors.Ok(new { type = "limited", value = limit })
            : LineErrors.Ok(new { type = "none" }));
        bot.MapGet("/message/quota/consumption", (HttpContext http, EmulatorState state) =>
            LineErrors.Ok(new { totalUsage = http.Channel().Quota.UsedAt(state.Time.GetUtcNow()) }));
        bot.MapGet("/profile/{userId}", Profile);
        bot.MapGet("/followers/ids", Followers);
        bot.MapGet("/info", BotInfo);
        bot.MapGet("/channel/webhook/endpoint", (HttpContext http) => LineErrors.Ok(new
        {
            endpoint = http.Channel().Config.WebhookUrl?.ToString() ?? "",
            active = http.Channel().Config.WebhookUrl is not null,
        }));
        bot.MapPut("/channel/webhook/endpoint", SetWebhookEndpoint);

        // Data host (api-data.line.me) path, served on the same origin.
        bot.MapGet("/message/{messageId}/content", Content);
    }

    private static async Task<IResult> Validate(HttpContext http, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = new List<ErrorDetail>();
        MessageValidator.ValidateMessages(body["messages"], errors);
        return errors.Count > 0 ? LineErrors.Validation(errors) : LineErrors.Ok(new { });
    }

    /// <summary>404 for an unknown user or one who is not a friend (or blocked the account)
    /// (https://developers.line.biz/en/reference/messaging-api/#get-profile).</summary>
    private static IResult Profile(HttpContext http, EmulatorState state, string userId)
    {
        if (!http.Channel().IsFollowedBy(userId) || !state.Users.TryGetValue(userId, out var user))
        {
            return LineErrors.NotFoundError();
        }

        return LineErrors.Ok(new ProfileBody(user.DisplayName, user.UserId, user.PictureUrl, null, user.Language));
    }

    private static IResult Followers(HttpContext http, string? start, int? limit)
    {
        var max = limit ?? 300;
        if (max is < 1 or > 1000)
        {
            return LineErrors.Validation([new("Must be between 1 and 1000", "limit")]);
        }

        var all = http.Channel().Followers();
        var offset = int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var page = all.Skip(offset).Take(max).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return LineErrors.Ok(new FollowersBody(page, next));
    }

    private static IResult BotInfo(HttpContext http)
    {
        var config = http.Channel().Config;
        return LineErrors.Ok(new
        {
            userId = config.BotUserId,
            basicId = "@" + config.ChannelId,
            displayName = config.BotDisplayName,
            chatMode = "bot",
            markAsReadMode = "auto",
        });
    }

    private static async Task<IResult> SetWebhookEndpoint(HttpContext http, EmulatorState state, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var endpoint = body.GetString("endpoint");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return LineErrors.Validation([new("Invalid webhook endpoint URL", "endpoint")]);
        }

        var config = http.Channel().Config;
        state.AddOrUpdateChannel(new EmulatorChannel
        {
            ChannelId = config.ChannelId,
            ChannelSecret = config.ChannelSecret,
            ChannelAccessToken = config.ChannelAccessToken,
            BotDisplayName = config.BotDisplayName,
            BotUserId = config.BotUserId,
            WebhookUrl = uri,
        });
        return LineErrors.Ok(new { });
    }

    /// <summary>Content users sent: 404 when unknown, 410 once LINE has deleted it
    /// (https://developers.line.biz/en/reference/messaging-api/#get-content).</summary>
    private static IResult Content(HttpContext http, EmulatorState state, string messageId) => ContentOf(http.Channel(), state, messageId);

    internal static IResult ContentOf(ChannelState channel, EmulatorState state, string messageId)
    {
        if (!channel.Contents.TryGetValue(messageId, out var content))
        {
            return LineErrors.NotFoundError();
        }

        if (state.Time.GetUtcNow() - content.ReceivedAt >= state.Options.MessageContentRetention)
        {
            return LineErrors.Error(StatusCodes.Status410Gone, "Gone");
        }

        return Results.Bytes(content.Data, content.ContentType);
    }

    private sealed record ProfileBody(string DisplayName, string UserId, string? PictureUrl, string? StatusMessage, string? Language);

    private sealed record FollowersBody(IReadOnlyList<string> UserIds, string? Next);
}
