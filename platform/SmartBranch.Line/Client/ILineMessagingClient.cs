using SmartBranch.Line.Messages;

namespace SmartBranch.Line.Client;

/// <summary>
/// LINE Messaging API calls for one channel. Failures throw <see cref="LineApiException"/>, which
/// carries LINE's status, error body and <c>x-line-request-id</c>.
/// </summary>
public interface ILineMessagingClient
{
    /// <summary>POST /v2/bot/message/reply. Reply tokens are single use and carry no retry key.</summary>
    Task ReplyAsync(string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/message/push with <c>X-Line-Retry-Key</c>; a 409 for an already accepted key counts as sent.</summary>
    Task<LineSendResult> PushAsync(string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default);

    /// <summary>POST /v2/bot/message/multicast (at most 500 user ids) with <c>X-Line-Retry-Key</c>.</summary>
    Task<LineSendResult> MulticastAsync(IReadOnlyList<string> to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default);

    /// <summary>GET /v2/bot/profile/{userId}; null when LINE answers 404 (not a friend, or unknown).</summary>
    Task<LineUserProfile?> GetProfileAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>GET /v2/bot/message/{messageId}/content on the data host. The caller disposes the result.</summary>
    Task<LineMessageContent> GetMessageContentAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>GET /v2/bot/info.</summary>
    Task<LineBotInfo> GetBotInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// GET /v2/bot/message/quota and /v2/bot/message/quota/consumption: this month's target limit for
    /// push, multicast, narrowcast and broadcast messages (replies are free), and how much of it is used.
    /// </summary>
    Task<LineMessageQuota> GetMessageQuotaAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates a client bound to one channel; clients are cheap and share connections and rate limiters.</summary>
public interface ILineMessagingClientFactory
{
    ILineMessagingClient Create(LineChannel channel);
}

/// <param name="RequestId">LINE's <c>x-line-request-id</c> of the accepted request.</param>
/// <param name="AlreadyAccepted">True when LINE answered 409: the retry key had been accepted before.</param>
public sealed record LineSendResult(string? RequestId, bool AlreadyAccepted);

public sealed record LineUserProfile(string UserId, string DisplayName, string? PictureUrl, string? StatusMessage, string? Language);

public sealed record LineBotInfo(string UserId, string BasicId, string? PremiumId, string DisplayName, string? PictureUrl, string ChatMode, string MarkAsReadMode);

/// <param name="Limit">The month's target limit; null when the channel has none (quota type <c>none</c>).</param>
/// <param name="Used">Messages counted against it so far this month.</param>
public sealed record LineMessageQuota(long? Limit, long Used)
{
    /// <summary>How many more messages this month allows; null without a limit.</summary>
    public long? Remaining => Limit is { } limit ? Math.Max(0, limit - Used) : null;
}

public sealed class LineMessageContent(Stream content, string? contentType, long? length) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;
    public string? ContentType { get; } = contentType;
    public long? Length { get; } = length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
    public void Dispose() => Content.Dispose();
}
