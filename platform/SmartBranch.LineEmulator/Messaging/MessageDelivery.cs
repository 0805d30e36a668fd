using System.Text.Json.Nodes;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Messaging;

/// <summary>Puts accepted messages into the inboxes of the recipients who follow the channel. LINE accepts messages
/// for users who blocked the account but does not deliver them
/// (https://developers.line.biz/en/docs/messaging-api/retrying-api-request/: "even if it couldn't be delivered
/// correctly because the user has blocked the LINE Official Account").</summary>
internal sealed class MessageDelivery(EmulatorState state)
{
    /// <summary>The recipients who follow the channel, each once: the ones a message reaches and the quota counts.</summary>
    public static List<string> Receiving(ChannelState channel, IReadOnlyCollection<string> recipients)
    {
        var seen = new HashSet<string>(recipients.Count, StringComparer.Ordinal);
        var receiving = new List<string>(recipients.Count);
        foreach (var userId in recipients)
        {
            if (seen.Add(userId) && channel.IsFollowedBy(userId))
            {
                receiving.Add(userId);
            }
        }

        return receiving;
    }

    /// <summary>Delivers to <paramref name="receiving"/> (see <see cref="Receiving"/>); returns the <c>sentMessages</c>.</summary>
    public IReadOnlyList<SentMessage> Deliver(ChannelState channel, string api, string requestId, IReadOnlyList<string> receiving, JsonArray messages)
    {
        var now = state.Time.GetUtcNow();
        var sent = messages
            .Select(m => new SentMessage(Ids.NewMessageId(), IsQuotable(m) ? Ids.NewToken() : null))
            .ToList();
        // One entry per message, shared by every recipient's inbox (nothing changes a delivered message): a multicast
        // to a million friends then holds a million references, not a million copies of the message.
        var entries = messages
            .Select((m, i) => new InboxEntry(sent[i].Id, channel.ChannelId, api, requestId, now, Materialized(m!.DeepClone())))
            .ToList();
        foreach (var userId in receiving)
        {
            if (state.Users.TryGetValue(userId, out var user))
            {
                user.Deliver(entries);
            }
        }

        return sent;
    }

    /// <summary>
    /// Builds every lazily parsed object and array of the node now, so that concurrent readers (inbox requests) only
    /// read: a node read for the first time fills itself in, which is not safe from two threads at once.
    /// </summary>
    private static JsonNode Materialized(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Materialized(child);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Materialized(child);
                    }
                }

                break;
        }

        return node;
    }

    /// <summary>Quote tokens are returned for text, sticker, image and video messages (LINE "Get quote tokens").</summary>
    private static bool IsQuotable(JsonNode? message) =>
        (message as JsonObject)?["type"]?.GetValue<string>() is "text" or "sticker" or "image" or "video";
}
