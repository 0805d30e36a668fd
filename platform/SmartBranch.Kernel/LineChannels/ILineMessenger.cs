using System.Text.Json;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Line.Messages;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>
/// Sends LINE messages from module code, through the outbox: nothing leaves until the caller's
/// changes commit, and a retry never sends twice. Recipients who blocked the account are skipped
/// at send time (<see cref="ILineRecipientPolicy"/>).
/// </summary>
public interface ILineMessenger
{
    /// <param name="replyTokenIssuedAt">When the webhook event carrying the token happened; a stale token falls back to push.</param>
    void Reply(string userId, string replyToken, DateTimeOffset replyTokenIssuedAt, IReadOnlyList<LineMessage> messages);

    void Push(string userId, IReadOnlyList<LineMessage> messages);
}

internal sealed class LineMessenger(IOutbox outbox) : ILineMessenger
{
    public void Reply(string userId, string replyToken, DateTimeOffset replyTokenIssuedAt, IReadOnlyList<LineMessage> messages) =>
        outbox.Add(new LineMessagesRequestedIntegrationEvent(userId, Serialize(messages), replyToken, replyTokenIssuedAt));

    public void Push(string userId, IReadOnlyList<LineMessage> messages) =>
        outbox.Add(new LineMessagesRequestedIntegrationEvent(userId, Serialize(messages), null, null));

    private static string Serialize(IReadOnlyList<LineMessage> messages)
    {
        if (messages.Count is < 1 or > 5)
        {
            throw new ArgumentException("LINE sends 1 to 5 messages at a time.", nameof(messages));
        }

        return JsonSerializer.Serialize(messages);
    }
}

/// <summary>Decides at send time which LINE users may no longer receive messages (e.g. blocked the account).</summary>
public interface ILineRecipientPolicy
{
    /// <summary>Those of <paramref name="userIds"/> (one, or a multicast's 500) who must not be sent to; one query for the lot.</summary>
    Task<IReadOnlySet<string>> RefusedAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}

public static class LineRecipientPolicies
{
    /// <summary>Those of <paramref name="userIds"/> whom any of <paramref name="policies"/> refuses.</summary>
    public static async Task<IReadOnlySet<string>> RefusedAsync(
        this IEnumerable<ILineRecipientPolicy> policies, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            refused.UnionWith(await policy.RefusedAsync(userIds, cancellationToken));
        }

        return refused;
    }
}
