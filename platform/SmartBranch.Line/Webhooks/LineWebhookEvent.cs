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

    public static LineWebhookEvent Parse(string rawJson)
    {
        using var document = JsonDocument.Parse(rawJson);
        var e = document.RootElement;
        var envelope = LineWebhookEventEnvelope.FromJson(e);
        var source = LineEventSource.FromJson(e);
        var replyToken = e.TryGetProperty("replyToken", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;

        LineWebhookEvent parsed = envelope.Type switch
        {
            "follow" => new FollowEvent
            {
                WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
                IsUnblocked = e.TryGetProperty("follow", out var f) && f.TryGetProperty("isUnblocked", out var u) && u.ValueKind == JsonValueKind.True,
            },
            "unfollow" => new UnfollowEvent
            {
                WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
            },
            _ => new UnknownEvent
            {
                WebhookEventId = envelope.WebhookEventId, Timestamp = envelope.Timestamp, Source = source, IsRedelivery = envelope.IsRedelivery,
                Type = envelope.Type,
            },
        };
        return parsed with { ReplyToken = replyToken };
    }
}

/// <summary>The user added the account as a friend, or unblocked it (<see cref="IsUnblocked"/>).</summary>
public sealed record FollowEvent : LineWebhookEvent
{
    public bool IsUnblocked { get; init; }
}

/// <summary>The user blocked the account. Nothing may be sent to them afterwards.</summary>
public sealed record UnfollowEvent : LineWebhookEvent;

public sealed record UnknownEvent : LineWebhookEvent
{
    public required string Type { get; init; }
}
