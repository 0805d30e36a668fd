using System.Text.Json;

namespace SmartBranch.Line.Webhooks;

/// <summary>A webhook event parsed from its stored JSON. Types this client does not model parse as <see cref="UnknownEvent"/>.</summary>
public abstract record LineWebhookEvent
{
    public required string WebhookEventId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required LineEventSource Source { get; init; }
    public required bool IsRedelivery { get; init; }

    /// <summary>Single-use token to reply with, valid for about a minute; null on events that cannot be replied to.</summary>
    public string? ReplyToken { get; init; }

    /// <exception cref="LineWebhookFormatException">A field this client relies on is missing.</exception>
    public static LineWebhookEvent Parse(string rawJson)
    {
        using var document = JsonDocument.Parse(rawJson);
        var e = document.RootElement;
        var envelope = LineWebhookEventEnvelope.FromJson(e);
        var source = LineEventSource.FromJson(e);

        LineWebhookEvent parsed = envelope.Type switch
        {
            "follow" => new FollowEvent
            {
                WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
                IsUnblocked = e.GetObjectOrNull("follow")?.IsTrue("isUnblocked") ?? false,
            },
            "unfollow" => new UnfollowEvent
            {
                WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
            },
            "message" => new MessageEvent
            {
                WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
                Message = LineEventMessage.FromJson(RequiredObject(e, "message", envelope)),
            },
            "postback" => ParsePostback(RequiredObject(e, "postback", envelope), envelope, source),
            _ => new UnknownEvent
            {
                WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
                Type = envelope.Type,
            },
        };
        return parsed with { ReplyToken = e.GetStringOrNull("replyToken") };
    }

    private static JsonElement RequiredObject(JsonElement e, string name, LineWebhookEventEnvelope envelope) =>
        e.GetObjectOrNull(name) ?? throw new LineWebhookFormatException($"The {envelope.Type} event {envelope.WebhookEventId} has no {name} object.");

    private static PostbackEvent ParsePostback(JsonElement postback, LineWebhookEventEnvelope envelope, LineEventSource source)
    {
        var parameters = postback.GetObjectOrNull("params");
        return new PostbackEvent
        {
            WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
            Data = postback.GetRequiredString("data", "A postback"),
            Params = parameters is { } p
                ? new LinePostbackParams(
                    p.GetStringOrNull("date"),
                    p.GetStringOrNull("time"),
                    p.GetStringOrNull("datetime"),
                    p.GetStringOrNull("newRichMenuAliasId"),
                    p.GetStringOrNull("status"))
                : null,
        };
    }
}

/// <summary>The user added the account as a friend, or unblocked it (<see cref="IsUnblocked"/>).</summary>
public sealed record FollowEvent : LineWebhookEvent
{
    public bool IsUnblocked { get; init; }
}

/// <summary>The user blocked the account. Nothing may be sent to them afterwards.</summary>
public sealed record UnfollowEvent : LineWebhookEvent;

/// <summary>The user sent a message to the account or to a chat it is in.</summary>
public sealed record MessageEvent : LineWebhookEvent
{
    public required LineEventMessage Message { get; init; }
}

/// <summary>The user tapped a postback, datetime picker or rich menu switch action.</summary>
public sealed record PostbackEvent : LineWebhookEvent
{
    /// <summary>The action's <c>data</c>, as the account set it.</summary>
    public required string Data { get; init; }

    /// <summary>What a datetime picker or rich menu switch action adds; null for a plain postback.</summary>
    public LinePostbackParams? Params { get; init; }
}

/// <param name="Date">Chosen by a <c>date</c> picker, as <c>2017-12-25</c>.</param>
/// <param name="Time">Chosen by a <c>time</c> picker, as <c>01:00</c>.</param>
/// <param name="Datetime">Chosen by a <c>datetime</c> picker, as <c>2017-12-25T01:00</c>.</param>
/// <param name="NewRichMenuAliasId">The alias a rich menu switch action switched to.</param>
/// <param name="Status">The rich menu switch's outcome: <c>SUCCESS</c>, <c>RICHMENU_ALIAS_ID_NOTFOUND</c>, <c>RICHMENU_NOTFOUND</c> or <c>FAILED</c>.</param>
public sealed record LinePostbackParams(string? Date, string? Time, string? Datetime, string? NewRichMenuAliasId, string? Status);

public sealed record UnknownEvent : LineWebhookEvent
{
    public required string Type { get; init; }
}
