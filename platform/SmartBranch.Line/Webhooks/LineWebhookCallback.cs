using System.Text.Json;

namespace SmartBranch.Line.Webhooks;

/// <summary>
/// The body LINE posts to a webhook: the bot's user id and the events, each kept as its raw JSON so
/// that it can be stored as received and parsed into a <see cref="LineWebhookEvent"/> when processed.
/// </summary>
public sealed record LineWebhookCallback(string Destination, IReadOnlyList<LineWebhookEventEnvelope> Events)
{
    /// <exception cref="LineWebhookFormatException">The body is not a webhook callback.</exception>
    public static LineWebhookCallback Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LineWebhookFormatException("The body is not a JSON object.");
            }

            var destination = root.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new LineWebhookFormatException("The body has no events array.");
            }

            return new LineWebhookCallback(destination, events.EnumerateArray().Select(LineWebhookEventEnvelope.FromJson).ToList());
        }
        catch (JsonException e)
        {
            throw new LineWebhookFormatException("The body is not valid JSON.", e);
        }
    }
}

/// <param name="SourceKey">Whom the event came from, as <c>user:U…</c>, <c>group:C…</c>, <c>room:R…</c> or <c>none</c>; events are processed in order per source.</param>
public sealed record LineWebhookEventEnvelope(
    string WebhookEventId,
    string Type,
    DateTimeOffset Timestamp,
    string SourceKey,
    string? SourceUserId,
    bool IsRedelivery,
    string RawJson)
{
    internal static LineWebhookEventEnvelope FromJson(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new LineWebhookFormatException("An event is not a JSON object.");
        }

        var id = RequiredString(e, "webhookEventId");
        var type = RequiredString(e, "type");
        if (!e.TryGetProperty("timestamp", out var ts) || !ts.TryGetInt64(out var millis))
        {
            throw new LineWebhookFormatException($"Event {id} has no timestamp.");
        }

        var isRedelivery = e.TryGetProperty("deliveryContext", out var dc)
            && dc.ValueKind == JsonValueKind.Object
            && dc.TryGetProperty("isRedelivery", out var r)
            && r.ValueKind == JsonValueKind.True;

        var source = LineEventSource.FromJson(e);
        return new LineWebhookEventEnvelope(id, type, DateTimeOffset.FromUnixTimeMilliseconds(millis), source.Key, source.UserId, isRedelivery, e.GetRawText());
    }

    private static string RequiredString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(p.GetString())
            ? p.GetString()!
            : throw new LineWebhookFormatException($"An event has no {name}.");
}

/// <summary>Where an event came from: a user, a group chat or a multi-person chat (room).</summary>
public sealed record LineEventSource(string Type, string? UserId, string? GroupId, string? RoomId)
{
    public string Key => Type switch
    {
        "user" => $"user:{UserId}",
        "group" => $"group:{GroupId}",
        "room" => $"room:{RoomId}",
        _ => "none",
    };

    internal static LineEventSource FromJson(JsonElement e)
    {
        if (!e.TryGetProperty("source", out var s) || s.ValueKind != JsonValueKind.Object)
        {
            return new LineEventSource("none", null, null, null);
        }

        return new LineEventSource(s.GetStringOrNull("type") ?? "none", s.GetStringOrNull("userId"), s.GetStringOrNull("groupId"), s.GetStringOrNull("roomId"));
    }
}

public sealed class LineWebhookFormatException : Exception
{
    public LineWebhookFormatException() { }

    public LineWebhookFormatException(string message) : base(message) { }

    public LineWebhookFormatException(string message, Exception innerException) : base(message, innerException) { }
}
