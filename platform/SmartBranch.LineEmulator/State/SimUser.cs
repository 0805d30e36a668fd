using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.State;

/// <summary>A simulated LINE user (a resident with the LINE app).</summary>
internal sealed class SimUser(string userId, string displayName, string? language, string? pictureUrl, DateTimeOffset createdAt)
{
    private readonly List<InboxEntry> _inbox = [];
    private readonly List<SentEvent> _sent = [];
    private readonly Lock _gate = new();

    public string UserId { get; } = userId;

    public string DisplayName { get; } = displayName;

    public string? Language { get; } = language;

    public string? PictureUrl { get; } = pictureUrl;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public void Deliver(IReadOnlyList<InboxEntry> entries)
    {
        lock (_gate)
        {
            _inbox.AddRange(entries);
        }
    }

    public IReadOnlyList<InboxEntry> Inbox()
    {
        lock (_gate)
        {
            return [.. _inbox];
        }
    }

    public void Record(SentEvent sent)
    {
        lock (_gate)
        {
            _sent.Add(sent);
        }
    }

    /// <summary>Every event this user caused, in order: what the simulator shows on the user's side of the chat.</summary>
    public IReadOnlyList<SentEvent> Sent()
    {
        lock (_gate)
        {
            return [.. _sent];
        }
    }
}

/// <summary>One message a user received, with the API call that sent it.</summary>
internal sealed record InboxEntry(
    string MessageId,
    string ChannelId,
    string Api,
    string RequestId,
    DateTimeOffset Timestamp,
    JsonNode Message);

/// <summary>A webhook event a user caused, the status of its first delivery (null: no webhook URL, or unreachable)
/// and the text LINE showed in the chat for it (a postback's <c>displayText</c>), if any.</summary>
internal sealed record SentEvent(
    string ChannelId,
    JsonObject Event,
    int? WebhookStatus,
    string? DisplayText,
    DateTimeOffset Timestamp);
