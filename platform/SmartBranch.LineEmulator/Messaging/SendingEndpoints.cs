using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.RateLimiting;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Messaging;

/// <summary>Reply, push, multicast, narrowcast and broadcast
/// (https://developers.line.biz/en/reference/messaging-api/#messages).</summary>
internal static class SendingEndpoints
{
    public const int MaxMulticastRecipients = 500;

    public static void Map(RouteGroupBuilder bot)
    {
        bot.MapPost("/message/reply", Reply);
        bot.MapPost("/message/push", Push).WithMetadata(new AcceptsRetryKey());
        bot.MapPost("/message/multicast", Multicast).WithMetadata(new AcceptsRetryKey(), RateLimitPolicy.Multicast);
        bot.MapPost("/message/narrowcast", Narrowcast).WithMetadata(new AcceptsRetryKey(), RateLimitPolicy.Narrowcast);
        bot.MapPost("/message/broadcast", Broadcast).WithMetadata(new AcceptsRetryKey(), RateLimitPolicy.Broadcast);
        bot.MapGet("/message/progress/narrowcast", NarrowcastProgressOf);
    }

    private static async Task<IResult> Reply(HttpContext http, EmulatorState state, MessageDelivery delivery, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = new List<ErrorDetail>();
        var replyToken = body.GetString("replyToken");
        if (string.IsNullOrEmpty(replyToken))
        {
            errors.Add(new("May not be empty", "replyToken"));
        }

        MessageValidator.ValidateMessages(body["messages"], errors);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        // A reply token is single-use and expires one minute after the webhook
        // (https://developers.line.biz/en/reference/messaging-api/#send-reply-message).
        var channel = http.Channel();
        if (!channel.ReplyTokens.TryRemove(replyToken!, out var entry) || entry.ExpiresAt <= state.Time.GetUtcNow())
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "Invalid reply token");
        }

        var sent = delivery.Deliver(channel, "reply", http.RequestId(), MessageDelivery.Receiving(channel, [entry.UserId]), (JsonArray)body["messages"]!);
        return LineErrors.Ok(new { sentMessages = sent });
    }

    private static async Task<IResult> Push(HttpContext http, EmulatorState state, MessageDelivery delivery, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = new List<ErrorDetail>();
        var to = body.GetString("to");
        if (string.IsNullOrEmpty(to))
        {
            errors.Add(new("May not be empty", "to"));
        }

        MessageValidator.ValidateMessages(body["messages"], errors);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        if (!IsRecipientId(to!))
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "The property, 'to', in the request body is invalid (line: -, column: -)");
        }

        // LINE refuses a user id that does not exist (FAQ "Do I get an error when I send a message with a user ID
        // that doesn't exist?"); an existing user who is no friend is accepted but receives nothing.
        if (!state.Users.ContainsKey(to!))
        {
            return LineErrors.Error(StatusCodes.Status400BadRequest, "Failed to send messages");
        }

        return Send(http, state, delivery, "push", [to!], (JsonArray)body["messages"]!, includeSentMessages: true).Result;
    }

    private static async Task<IResult> Multicast(HttpContext http, EmulatorState state, MessageDelivery delivery, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = new List<ErrorDetail>();
        var recipients = new List<string>();
        if (body["to"] is not JsonArray to || to.Count is < 1 or > MaxMulticastRecipients)
        {
            errors.Add(new($"Size must be between 1 and {MaxMulticastRecipients}", "to"));
        }
        else
        {
            for (var i = 0; i < to.Count; i++)
            {
                var id = to[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (!Ids.IsUserId(id))
                {
                    errors.Add(new("Must be a valid user ID", $"to[{i}]"));
                }
                else
                {
                    recipients.Add(id!);
                }
            }
        }

        MessageValidator.ValidateMessages(body["messages"], errors);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        return Send(http, state, delivery, "multicast", recipients, (JsonArray)body["messages"]!, includeSentMessages: false).Result;
    }

    private static async Task<IResult> Narrowcast(HttpContext http, EmulatorState state, MessageDelivery delivery, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = new List<ErrorDetail>();
        MessageValidator.ValidateMessages(body["messages"], errors);
        long? max = body["limit"] is JsonObject limit && limit["max"] is JsonValue m && m.TryGetValue<long>(out var n) ? n : null;
        if (max is < 1)
        {
            errors.Add(new("Must be greater than or equal to 1", "limit.max"));
        }

        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        // The emulator has no demographics or audiences: recipient and filter are accepted and every follower is
        // targeted, up to limit.max.
        var channel = http.Channel();
        IEnumerable<string> targets = channel.Followers();
        if (max is { } cap)
        {
            targets = targets.Take((int)Math.Min(cap, int.MaxValue));
        }

        // limit.upToRemainingQuota: send to as many as this month's remaining quota allows instead of failing.
        if (body["limit"] is JsonObject { } limits && limits["upToRemainingQuota"] is JsonValue upTo && upTo.TryGetValue<bool>(out var fit) && fit
            && channel.Quota.Limit is { } monthly)
        {
            var remaining = Math.Max(0, monthly - channel.Quota.UsedAt(state.Time.GetUtcNow()));
            targets = targets.Take((int)Math.Min(remaining, int.MaxValue));
        }

        var targetList = targets.ToList();
        var accepted = state.Time.GetUtcNow();
        var (result, wasAccepted) = Send(http, state, delivery, "narrowcast", targetList, (JsonArray)body["messages"]!, includeSentMessages: false);
        if (!wasAccepted)
        {
            return result;
        }

        // Narrowcast is asynchronous on LINE: 202, then the progress endpoint. The emulator finishes at once.
        channel.Narrowcasts[http.RequestId()] = new NarrowcastProgress(accepted, state.Time.GetUtcNow(), targetList.Count, targetList.Count);
        return Results.Json(new { }, LineErrors.Json, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> Broadcast(HttpContext http, EmulatorState state, MessageDelivery delivery, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, ct);
        if (body is null)
        {
            return error!;
        }

        var errors = new List<ErrorDetail>();
        MessageValidator.ValidateMessages(body["messages"], errors);
        if (errors.Count > 0)
        {
            return LineErrors.Validation(errors);
        }

        return Send(http, state, delivery, "broadcast", http.Channel().Followers(), (JsonArray)body["messages"]!, includeSentMessages: false).Result;
    }

    private static IResult NarrowcastProgressOf(HttpContext http, string? requestId)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            return LineErrors.Validation([new("May not be empty", "requestId")]);
        }

        if (!http.Channel().Narrowcasts.TryGetValue(requestId, out var p))
        {
            return LineErrors.NotFoundError();
        }

        return LineErrors.Ok(new
        {
            phase = "succeeded",
            successCount = p.SuccessCount,
            failureCount = p.TargetCount - p.SuccessCount,
            targetCount = p.TargetCount,
            acceptedTime = p.AcceptedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            completedTime = p.CompletedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Delivers once per retry key: a repeat within 24 h answers 409 with the accepted request's id.</summary>
    private static (IResult Result, bool Accepted) Send(
        HttpContext http, EmulatorState state, MessageDelivery delivery, string api,
        IReadOnlyCollection<string> recipients, JsonArray messages, bool includeSentMessages)
    {
        var channel = http.Channel();
        var requestId = http.RequestId();
        var retryKey = RetryKeyFilter.RetryKey(http);
        if (retryKey is { } key)
        {
            var earlier = channel.RetryKeys.TryReserve(key, requestId, state.Time.GetUtcNow());
            if (earlier is not null)
            {
                http.Response.Headers[LineHeaders.AcceptedRequestId] = earlier.RequestId;
                return (Results.Json(
                    new RetryConflictBody("The retry key is already accepted", includeSentMessages ? earlier.SentMessages : null),
                    LineErrors.Json,
                    statusCode: StatusCodes.Status409Conflict), false);
            }
        }

        // One message per recipient who will receive it counts against the month's limit; over it, LINE
        // refuses the whole request with 429 (https://developers.line.biz/en/reference/messaging-api/#status-codes).
        var receiving = MessageDelivery.Receiving(channel, recipients);
        if (!channel.Quota.TryUse(receiving.Count, state.Time.GetUtcNow()))
        {
            if (retryKey is { } refusedKey)
            {
                channel.RetryKeys.Release(refusedKey, requestId);
            }

            return (LineErrors.MonthlyLimitReached(), false);
        }

        var sent = delivery.Deliver(channel, api, requestId, receiving, messages);
        if (retryKey is { } acceptedKey)
        {
            channel.RetryKeys.Complete(acceptedKey, requestId, sent);
        }

        return (includeSentMessages ? LineErrors.Ok(new { sentMessages = sent }) : LineErrors.Ok(new { }), true);
    }

    private static bool IsRecipientId(string id) =>
        id.Length == 33 && id[0] is 'U' or 'C' or 'R' && Ids.IsUserId("U" + id[1..]);

    private sealed record RetryConflictBody(string Message, IReadOnlyList<SentMessage>? SentMessages);
}
