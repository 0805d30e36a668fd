using System.Text.Json.Nodes;

namespace SmartBranch.LineEmulator.State;

/// <summary>A simulated LINE user (a resident with the LINE app).</summary>
internal sealed class SimUser(string userId, string displayName, string? language, string? pictureUrl)
{
    private readonly List<InboxEntry> _inbox = [];
    private readonly Lock _gate = new();

    public string UserId { get; } = userId;

    public string DisplayName { get; } = displayName;

    public string? Language { get; } = language;

    public string? PictureUrl { get; } = pictureUrl;

    public void Deliver(InboxEntry entry)
    {
        lock (_gate)
        {
            _inbox.Add(entry);
        }
    }

    public IReadOnlyList<InboxEntry> Inbox()
    {
        lock (_gate)
        {
            return [.. _inbox];
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
