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
        var delivered = 0;
        foreach (var userId in recipients.Distinct(StringComparer.Ordinal))
        {
            if (!channel.IsFollowedBy(userId) || !state.Users.TryGetValue(userId, out var user))
            {
                continue;
            }

            for (var i = 0; i < messages.Count; i++)
            {
                user.Deliver(new InboxEntry(sent[i].Id, channel.ChannelId, api, requestId, now, messages[i]!.DeepClone()));
            }

            delivered++;
        }

        return (sent, delivered);
    }

    /// <summary>Quote tokens are returned for text, sticker, image and video messages (LINE "Get quote tokens").</summary>
    private static bool IsQuotable(JsonNode? message) =>
        (message as JsonObject)?["type"]?.GetValue<string>() is "text" or "sticker" or "image" or "video";
}
