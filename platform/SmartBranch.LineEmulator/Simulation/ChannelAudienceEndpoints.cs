using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Simulation;

/// <summary>
/// A channel's audience at scale, for load programs: <c>POST /_sim/channels/{channelId}/friends</c> with
/// <c>{ "userIds": [...] }</c> makes those users friends who followed before the channel had a webhook URL (no
/// webhook, no reply token), and <c>GET /_sim/channels/{channelId}/receipts?text=…</c> counts who received a text
/// message from the channel and how many copies, without reading a million inboxes one by one.
/// Not part of LINE; no authentication.
/// </summary>
internal static class ChannelAudienceEndpoints
{
    public const int MaxFriendsPerRequest = 10_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/_sim/channels/{channelId}/friends", AddFriends);
        app.MapGet("/_sim/channels/{channelId}/receipts", Receipts);
    }

    private static async Task<IResult> AddFriends(HttpContext http, EmulatorState state, string channelId, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        if (state.FindChannel(channelId) is not { } channel)
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown channelId");
        }

        if (body["userIds"] is not JsonArray ids || ids.Count is < 1 or > MaxFriendsPerRequest)
        {
            return LineErrors.Validation([new($"Size must be between 1 and {MaxFriendsPerRequest}", "userIds")]);
        }

        var userIds = new List<string>(ids.Count);
        var errors = new List<ErrorDetail>();
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (Ids.IsUserId(id))
            {
                userIds.Add(id!);
            }
            else
            {
                errors.Add(new("Must be a valid user ID", $"userIds[{i}]"));
            }
        }

        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        var now = state.Time.GetUtcNow();
        var added = 0;
        foreach (var userId in userIds)
        {
            state.Users.GetOrAdd(userId, id => new SimUser(id, "住民 " + id[1..7], "ja", null, now));
            if (!channel.IsFollowedBy(userId))
            {
                channel.Friends.AddOrUpdate(userId, new Friendship(true, false), (_, before) => before with { Following = true });
                added++;
            }
        }

        return LineErrors.Ok(new { added, followers = channel.Friends.Count(f => f.Value.Following) });
    }

    private static IResult Receipts(EmulatorState state, string channelId, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return LineErrors.Validation([new("May not be empty", "text")]);
        }

        if (state.FindChannel(channelId) is null)
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown channelId");
        }

        long recipients = 0, messages = 0, receivedMoreThanOnce = 0;
        foreach (var user in state.Users.Values)
        {
            var copies = user.Inbox().Count(e => e.ChannelId == channelId && (e.Message as JsonObject)?["text"] is JsonValue t
                && t.TryGetValue<string>(out var s) && s == text);
            if (copies > 0)
            {
                recipients++;
                messages += copies;
                receivedMoreThanOnce += copies > 1 ? 1 : 0;
            }
        }

        return LineErrors.Ok(new { recipients, messages, receivedMoreThanOnce });
    }
}
