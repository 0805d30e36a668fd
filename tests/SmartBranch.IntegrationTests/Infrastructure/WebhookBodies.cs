using System.Text.Json.Nodes;

namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>Webhook bodies in LINE's format, for tests that post to the server directly.</summary>
internal static class WebhookBodies
{
    private static long _clock = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static string NewEventId() => Ulid();

    public static long NextTimestamp() => Interlocked.Add(ref _clock, 1000);

    public static JsonObject Follow(string userId, string? eventId = null, long? timestamp = null, bool isRedelivery = false, string replyToken = "00000000000000000000000000000000") =>
        Event("follow", userId, eventId, timestamp, isRedelivery, replyToken, new JsonObject { ["isUnblocked"] = false });

    public static JsonObject Unfollow(string userId, string? eventId = null, long? timestamp = null) =>
        Event("unfollow", userId, eventId, timestamp, false, null, null);

    public static string Callback(params JsonObject[] events) =>
        new JsonObject { ["destination"] = "U" + new string('0', 32), ["events"] = new JsonArray(events.Select(e => (JsonNode)e).ToArray()) }.ToJsonString();

    private static JsonObject Event(string type, string userId, string? eventId, long? timestamp, bool isRedelivery, string? replyToken, JsonObject? follow)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = timestamp ?? NextTimestamp(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = eventId ?? NewEventId(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = isRedelivery },
        };
        if (replyToken is not null)
        {
            e["replyToken"] = replyToken;
        }

        if (follow is not null)
        {
            e["follow"] = follow;
        }

        return e;
    }

    // A ULID's form (26 Crockford base-32 characters), as LINE's webhookEventId has.
    private static string Ulid() => "01" + Guid.NewGuid().ToString("N")[..24].ToUpperInvariant();
}
