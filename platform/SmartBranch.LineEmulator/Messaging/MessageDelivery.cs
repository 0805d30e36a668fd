using System.Text.Json.Nodes;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Messaging;

/// <summary>Puts accepted messages into the inboxes of the recipients who follow the channel. LINE accepts messages
/// for users who blocked the account but does not deliver them
/// (https://developers.line.biz/en/docs/messaging-api/retrying-api-request/: "even if it couldn't be delivered
/// correctly because the user has blocked the LINE Official Account").</summary>
internal sealed class MessageDelivery(EmulatorState state)
{
    /// <summary>Delivers; returns the <c>sentMessages</c> and how many recipients received the messages.</summary>
    public (IReadOnlyList<SentMessage> Sent, int Delivered) Deliver(
        ChannelState channel, string api, string requestId, IEnumerable<string> recipients, JsonArray messages)
    {
        var now = state.Time.GetUtcNow();
        var sent = messages
            .Select(m => new SentMessage(Ids.NewMessageId(), IsQuotable(m) ? Ids.NewToken() : null))
            .ToList();
        // One copy per message, shared by every recipient's inbox (nothing changes a delivered message): a multicast
        // to a million friends then holds a million small entries, not a million copies of the message.
        var copies = messages.Select(m => Materialized(m!.DeepClone())).ToList();
        var delivered = 0;
        foreach (var userId in recipients.Distinct(StringComparer.Ordinal))
        {
            if (!channel.IsFollowedBy(userId) || !state.Users.TryGetValue(userId, out var user))
            {
                continue;
            }

            for (var i = 0; i < messages.Count; i++)
            {
                user.Deliver(new InboxEntry(sent[i].Id, channel.ChannelId, api, requestId, now, copies[i]));
            }

            delivered++;
        }

        return (sent, delivered);
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
