using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>Sends the messages of a <see cref="LineMessagesRequestedIntegrationEvent"/> to LINE, once.</summary>
internal sealed partial class LineMessagesRequestedConsumer(
    IInbox inbox,
    SmartBranchDbContext db,
    ILineMessagingClient line,
    IEnumerable<ILineRecipientPolicy> recipientPolicies,
    TimeProvider clock,
    ILogger<LineMessagesRequestedConsumer> logger) : IConsumer<LineMessagesRequestedIntegrationEvent>
{
    private const string ConsumerName = "kernel.line-messages";

    // LINE: a reply token "must be used within one minute"; leave room for the call itself.
    private static readonly TimeSpan ReplyTokenLifetime = TimeSpan.FromSeconds(50);

    public async Task Consume(ConsumeContext<LineMessagesRequestedIntegrationEvent> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await inbox.HasProcessedAsync(ConsumerName, request.EventId, cancellationToken))
        {
            return;
        }

        if ((await recipientPolicies.RefusedAsync([request.To], cancellationToken)).Count == 0)
        {
            var messages = JsonSerializer.Deserialize<List<LineMessage>>(request.MessagesJson)!;
            var isFirstAttempt = context.GetRetryAttempt() == 0 && context.GetRedeliveryCount() == 0 && !context.ReceiveContext.Redelivered;
            await SendAsync(request, messages, isFirstAttempt, cancellationToken);
        }
        else
        {
            LogSkippedBlocked(request.EventId);
        }

        inbox.MarkProcessed(ConsumerName, request.EventId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SendAsync(LineMessagesRequestedIntegrationEvent request, List<LineMessage> messages, bool isFirstAttempt, CancellationToken cancellationToken)
    {
        var replyIsFresh = request.ReplyToken is not null
            && request.ReplyTokenIssuedAt is { } issuedAt
            && clock.GetUtcNow() - issuedAt < ReplyTokenLifetime;
        if (replyIsFresh)
        {
            try
            {
                await line.ReplyAsync(request.ReplyToken!, messages, cancellationToken);
                LogSent(request.EventId, "reply", null);
                return;
            }
            catch (LineApiException e) when (e.StatusCode == HttpStatusCode.BadRequest && !isFirstAttempt)
            {
                // A reply token works once. On a retry, "invalid reply token" most likely means an
                // earlier attempt got through before failing, so sending again by push could duplicate.
                LogReplyTokenSpent(request.EventId, e.RequestId);
                return;
            }
            catch (LineApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
            {
                // First attempt: nothing was delivered, the token expired on the way; push instead.
                LogReplyTokenRejected(request.EventId, e.RequestId);
            }
        }

        var result = await line.PushAsync(request.To, messages, request.EventId, cancellationToken);
        LogSent(request.EventId, "push", result.RequestId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent LINE messages {EventId} by {Method} (x-line-request-id {RequestId}).")]
    private partial void LogSent(Guid eventId, string method, string? requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped LINE messages {EventId}: the recipient may not receive messages.")]
    private partial void LogSkippedBlocked(Guid eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "LINE messages {EventId}: the reply token was rejected (x-line-request-id {RequestId}); sending by push.")]
    private partial void LogReplyTokenRejected(Guid eventId, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE messages {EventId}: the reply token was spent by an earlier attempt (x-line-request-id {RequestId}); not sending again.")]
    private partial void LogReplyTokenSpent(Guid eventId, string? requestId);
}
