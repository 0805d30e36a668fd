using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Simulation;

/// <summary>The simulation API (binding contract in ARCHITECTURE.md, "Emulator"): simulated users, their actions
/// and their inboxes. Not part of LINE; no authentication.</summary>
internal static class SimulationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");
        sim.MapPost("/users", CreateUser);
        sim.MapGet("/users", ListUsers);
        sim.MapPost("/users/{userId}/events", SimulateEvent);
        sim.MapGet("/users/{userId}/events", SentEvents);
        sim.MapGet("/users/{userId}/inbox", Inbox);
    }

    private static async Task<IResult> CreateUser(HttpContext http, EmulatorState state, CancellationToken ct)
    {
        JsonObject body = [];
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (parsed, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
            if (parsed is null)
            {
                return error!;
            }

            body = parsed;
        }

        var userId = Ids.NewUserId();
        var user = new SimUser(
            userId,
            body.GetString("displayName") ?? "住民 " + userId[1..7],
            body.GetString("language") ?? "ja",
            body.GetString("pictureUrl"),
            state.Time.GetUtcNow());
        state.Users[userId] = user;
        return LineErrors.Ok(new { userId });
    }

    private static async Task<IResult> SimulateEvent(
        HttpContext http, EmulatorState state, SimulatedEventFactory factory, Webhooks.WebhookDispatcher webhooks, string userId, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        if (!state.Users.TryGetValue(userId, out var user))
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown simulated user");
        }

        var channel = SimulationChannels.Resolve(state, body.GetString("channelId"), out var channelError);
        if (channel is null)
        {
            return channelError!;
        }

        var built = factory.Build(channel, user, body);
        if (built.Error is not null)
        {
            return built.Error;
        }

        var status = await webhooks.DeliverAsync(channel, built.Event!, ct);
        user.Record(new SentEvent(channel.ChannelId, built.Event!, status, body.GetString("displayText"), state.Time.GetUtcNow()));
        return LineErrors.Ok(new SimulatedEventResult(
            built.Event!["webhookEventId"]!.GetValue<string>(),
            channel.ChannelId,
            channel.Config.WebhookUrl is not null,
            status,
            built.Event["replyToken"]?.GetValue<string>(),
            built.Event["message"]?["id"]?.GetValue<string>()));
    }

    /// <summary>Every simulated user, oldest first, with the channels each follows now.</summary>
    private static IResult ListUsers(EmulatorState state)
    {
        var channels = state.Channels;
        return LineErrors.Ok(new
        {
            users = state.Users.Values.OrderBy(u => u.CreatedAt).Select(u => new
            {
                userId = u.UserId,
                displayName = u.DisplayName,
                language = u.Language,
                pictureUrl = u.PictureUrl,
                following = channels.Where(c => c.IsFollowedBy(u.UserId)).Select(c => c.ChannelId).Order(StringComparer.Ordinal),
            }),
        });
    }

    /// <summary>The events the user caused, as delivered, with the webhook's status and any text shown for them.</summary>
    private static IResult SentEvents(EmulatorState state, string userId)
    {
        if (!state.Users.TryGetValue(userId, out var user))
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown simulated user");
        }

        return LineErrors.Ok(new
        {
            userId,
            events = user.Sent().Select(e => new
            {
                channelId = e.ChannelId,
                timestamp = e.Timestamp,
                webhookStatus = e.WebhookStatus,
                displayText = e.DisplayText,
                @event = e.Event,
            }),
        });
    }

    private static IResult Inbox(EmulatorState state, string userId)
    {
        if (!state.Users.TryGetValue(userId, out var user))
        {
            return LineErrors.Error(StatusCodes.Status404NotFound, "Unknown simulated user");
        }

        return LineErrors.Ok(new
        {
            userId,
            messages = user.Inbox().Select(e => new
            {
                id = e.MessageId,
                channelId = e.ChannelId,
                api = e.Api,
                requestId = e.RequestId,
                timestamp = e.Timestamp,
                message = e.Message,
            }),
        });
    }

    private sealed record SimulatedEventResult(
        string WebhookEventId, string ChannelId, bool WebhookConfigured, int? WebhookStatus, string? ReplyToken, string? MessageId);
}
