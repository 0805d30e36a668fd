using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Line.Webhooks;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Webhook;

/// <summary>
/// A text shaped like a test-account code (<see cref="BroadcastTestAccountCode.Recognize"/>), sent in a 1:1
/// chat, links the sender's LINE account to the staff member who asked for the code. Any other message is
/// left to other handlers.
/// </summary>
internal sealed class BroadcastTestAccountCodeHandler(
    SmartBranchDbContext db, ILineMessagingClient line, ILineMessenger messenger, IAuditLog auditLog, TimeProvider clock)
    : ILineWebhookEventHandler<MessageEvent>
{
    public const string Linked = "テスト送信先に登録しました。ポータルの「テスト送信」で、住民に届くのと同じ内容がこのアカウントに届きます。";
    public const string Refused = "このコードは使えません（間違いか、有効期限の 10 分が過ぎています）。ポータルで「テスト送信先に登録」をもう一度押して、新しいコードを送ってください。";

    public async Task HandleAsync(MessageEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (webhookEvent is not { Message: TextEventMessage text, Source: { Type: "user", UserId: { } userId } }
            || BroadcastTestAccountCode.Recognize(text.Text) is not { } codeText)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var code = await db.Set<BroadcastTestAccountCode>().SingleOrDefaultAsync(c => c.Code == codeText, cancellationToken);
        // Judged by when the message was sent, so a code sent in time still works if processing lags.
        if (code is null || code.IsExpiredAt(webhookEvent.Timestamp))
        {
            Reply(webhookEvent, userId, Refused);
            return;
        }

        // Read before anything commits: no transaction is open while LINE answers.
        var profile = await line.GetProfileAsync(userId, cancellationToken);
        var account = await db.Set<BroadcastTestAccount>().SingleOrDefaultAsync(a => a.LineUserId == userId, cancellationToken);
        if (account is null)
        {
            account = BroadcastTestAccount.Link(code, userId, profile?.DisplayName, now);
            db.Add(account);
        }
        else
        {
            account.Relink(code, profile?.DisplayName, now);
        }

        db.Remove(code);
        Reply(webhookEvent, userId, Linked);
        await auditLog.RecordAsync(
            new AuditRecord("broadcast.test_account.linked", "broadcast-test-account", account.Id.ToString(), $"職員 {code.StaffUserId} のテスト送信先に LINE アカウントを登録"),
            cancellationToken);
    }

    private void Reply(MessageEvent webhookEvent, string userId, string text)
    {
        IReadOnlyList<LineMessage> messages = [new TextMessage(text)];
        if (webhookEvent.ReplyToken is { } replyToken)
        {
            messenger.Reply(userId, replyToken, webhookEvent.Timestamp, messages);
        }
        else
        {
            messenger.Push(userId, messages);
        }
    }
}
