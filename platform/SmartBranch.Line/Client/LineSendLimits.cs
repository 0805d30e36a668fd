using SmartBranch.Line.Messages;

namespace SmartBranch.Line.Client;

/// <summary>LINE's limits on one send, checked before a request leaves so a mistake fails fast and clearly.</summary>
public static class LineSendLimits
{
    public const int MaxMessagesPerRequest = 5;
    public const int MaxMulticastRecipients = 500;

    internal static void EnsureMessageCount(IReadOnlyList<LineMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count is 0 or > MaxMessagesPerRequest)
        {
            throw new ArgumentException($"LINE sends 1 to {MaxMessagesPerRequest} messages per request; this request has {messages.Count}.", nameof(messages));
        }
    }

    internal static void EnsureMulticastRecipientCount(IReadOnlyList<string> to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (to.Count is 0 or > MaxMulticastRecipients)
        {
            throw new ArgumentException(
                $"A multicast goes to 1 to {MaxMulticastRecipients} user ids; this one has {to.Count}. Split larger audiences into several multicasts.",
                nameof(to));
        }
    }
}
