using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Simulation;

/// <summary>Turns a simulated user action into a LINE webhook event object and applies its effects (friendship,
/// reply token, stored content, rich menu switch). Shapes follow LINE's webhook event objects
/// (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects).</summary>
internal sealed class SimulatedEventFactory(EmulatorState state)
{
    public (JsonObject? Event, IResult? Error) Build(ChannelState channel, SimUser user, JsonObject body)
    {
        var now = state.Time.GetUtcNow();
        var type = body.GetString("type");
        var evt = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = user.UserId },
            ["webhookEventId"] = Ids.NewUlid(now),
        };

        var following = channel.IsFollowedBy(user.UserId);
        switch (type)
        {
            case "follow":
                if (following)
                {
                    return Conflict("The user already follows this channel");
                }

                var unblocked = channel.Friends.TryGetValue(user.UserId, out var before) && before.EverUnfollowed;
                channel.Friends[user.UserId] = new Friendship(Following: true, EverUnfollowed: unblocked);
                evt["follow"] = new JsonObject { ["isUnblocked"] = unblocked };
                break;
            case "unfollow":
                if (!following)
                {
                    return Conflict("The user does not follow this channel");
                }

                channel.Friends[user.UserId] = new Friendship(Following: false, EverUnfollowed: true);
                return (evt, null); // LINE gives no reply token for unfollow.
            case "text" or "image" or "location":
                if (!following)
                {
                    return Conflict("The user does not follow this channel");
                }

                var (message, error) = BuildMessage(channel, type, body, now);
                if (message is null)
                {
                    return (null, error);
                }

                evt["type"] = "message";
                evt["message"] = message;
                break;
            case "postback":
                if (!following)
                {
                    return Conflict("The user does not follow this channel");
                }

                var (postback, postbackError) = BuildPostback(channel, user, body);
                if (postback is null)
                {
                    return (null, postbackError);
                }

                evt["postback"] = postback;
                break;
            default:
                return (null, LineErrors.Validation([new("Must be one of the following values: [follow, unfollow, text, image, location, postback]", "type")]));
        }

        var replyToken = Ids.NewToken();
        channel.ReplyTokens[replyToken] = new ReplyTokenEntry(user.UserId, now + state.Options.ReplyTokenLifetime);
        evt["replyToken"] = replyToken;
        return (evt, null);
    }

    private static (JsonObject? Message, IResult? Error) BuildMessage(ChannelState channel, string type, JsonObject body, DateTimeOffset now)
    {
        var id = Ids.NewMessageId();
        switch (type)
        {
            case "text":
                var text = body.GetString("text");
                if (string.IsNullOrEmpty(text) || text.Length > 5000)
                {
                    return (null, LineErrors.Validation([new("Length must be between 1 and 5000", "text")]));
                }

                return (new JsonObject { ["type"] = "text", ["id"] = id, ["quoteToken"] = Ids.NewToken(), ["text"] = text }, null);
            case "image":
                var contentType = body.GetString("contentType");
                byte[] data;
                try
                {
                    data = Convert.FromBase64String(body.GetString("data") ?? "");
                }
                catch (FormatException)
                {
                    data = [];
                }

                if (data.Length == 0 || string.IsNullOrEmpty(contentType))
                {
                    return (null, LineErrors.Validation([new("Base64 data and contentType are required", "data")]));
                }

                channel.Contents[id] = new StoredContent(data, contentType, now);
                return (new JsonObject
                {
                    ["type"] = "image",
                    ["id"] = id,
                    ["quoteToken"] = Ids.NewToken(),
                    ["contentProvider"] = new JsonObject { ["type"] = "line" },
                }, null);
            default:
                if (body["latitude"] is not JsonValue lat || !lat.TryGetValue<double>(out var latitude)
                    || body["longitude"] is not JsonValue lon || !lon.TryGetValue<double>(out var longitude))
                {
                    return (null, LineErrors.Validation([new("latitude and longitude are required numbers", "latitude")]));
                }

                var location = new JsonObject { ["type"] = "location", ["id"] = id };
                if (body.GetString("title") is { } title)
                {
                    location["title"] = title;
                }

                if (body.GetString("address") is { } address)
                {
                    location["address"] = address;
                }

                location["latitude"] = latitude;
                location["longitude"] = longitude;
                return (location, null);
        }
    }

    /// <summary>Postback with optional datetime-picker <c>params</c>, or a rich menu switch
    /// (<c>newRichMenuAliasId</c>), which also links the alias's menu to the user as LINE does.</summary>
    private static (JsonObject? Postback, IResult? Error) BuildPostback(ChannelState channel, SimUser user, JsonObject body)
    {
        var data = body.GetString("data");
        if (string.IsNullOrEmpty(data))
        {
            return (null, LineErrors.Validation([new("May not be empty", "data")]));
        }

        var postback = new JsonObject { ["data"] = data };
        if (body["params"] is JsonObject parameters)
        {
            var copy = new JsonObject();
            foreach (var key in new[] { "date", "time", "datetime" })
            {
                if (parameters.GetString(key) is { } value)
                {
                    copy[key] = value;
                }
            }

            postback["params"] = copy;
        }

        if (body.GetString("newRichMenuAliasId") is { } aliasId)
        {
            var status = "RICHMENU_ALIAS_ID_NOTFOUND";
            if (channel.RichMenus.Aliases.TryGetValue(aliasId, out var richMenuId))
            {
                status = channel.RichMenus.Menus.ContainsKey(richMenuId) ? "SUCCESS" : "RICHMENU_NOTFOUND";
                if (status == "SUCCESS")
                {
                    channel.RichMenus.UserLinks[user.UserId] = richMenuId;
                }
            }

            postback["params"] = new JsonObject { ["newRichMenuAliasId"] = aliasId, ["status"] = status };
        }

        return (postback, null);
    }

    private static (JsonObject?, IResult?) Conflict(string message) =>
        (null, LineErrors.Error(StatusCodes.Status409Conflict, message));
}
