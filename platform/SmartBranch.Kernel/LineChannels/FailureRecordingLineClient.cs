using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>
/// A tenant environment's LINE client that records each call LINE refused (after the client's own
/// retries) in <see cref="LineApiFailureLog"/>, then lets the error go on to the caller unchanged.
/// Wrapping the client rather than its HTTP pipeline attributes every failure to the tenant and
/// environment that made it, counts a call once however many attempts it took, and leaves out
/// the answers the client turns into results (a 404 profile, a 409 already-accepted push).
/// </summary>
internal sealed class FailureRecordingLineClient(
    ILineMessagingClient inner, LineApiFailureLog failures, string tenantSlug, string environmentName) : ILineMessagingClient
{
    public Task ReplyAsync(string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken = default) =>
        Recorded("reply", () => inner.ReplyAsync(replyToken, messages, cancellationToken));

    public Task<LineSendResult> PushAsync(string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default) =>
        Recorded("push", () => inner.PushAsync(to, messages, retryKey, cancellationToken));

    public Task<LineSendResult> MulticastAsync(IReadOnlyList<string> to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default) =>
        Recorded("multicast", () => inner.MulticastAsync(to, messages, retryKey, cancellationToken));

    public Task<LineUserProfile?> GetProfileAsync(string userId, CancellationToken cancellationToken = default) =>
        Recorded("profile", () => inner.GetProfileAsync(userId, cancellationToken));

    public Task<LineMessageContent> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default) =>
        Recorded("content", () => inner.GetMessageContentAsync(messageId, cancellationToken));

    public Task<LineBotInfo> GetBotInfoAsync(CancellationToken cancellationToken = default) =>
        Recorded("bot-info", () => inner.GetBotInfoAsync(cancellationToken));

    public Task<LineMessageQuota> GetMessageQuotaAsync(CancellationToken cancellationToken = default) =>
        Recorded("quota", () => inner.GetMessageQuotaAsync(cancellationToken));

    private async Task Recorded(string operation, Func<Task> call) =>
        await Recorded(operation, async () =>
        {
            await call();
            return true;
        });

    private async Task<T> Recorded<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (LineApiException e)
        {
            await failures.RecordAsync(tenantSlug, environmentName, operation, e.StatusCode);
            throw;
        }
    }
}
