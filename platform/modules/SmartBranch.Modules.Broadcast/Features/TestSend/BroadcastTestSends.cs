using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;

namespace SmartBranch.Modules.Broadcast.Features.TestSend;

/// <summary>
/// Pushes a delivery's messages, unchanged, to every staff test account of the environment and to no one
/// else. Not a delivery: no run, no statistics, no change of the delivery's state; only the audit log knows.
/// </summary>
internal sealed class BroadcastTestSends(BroadcastStaff staff, ILineMessenger messenger) : IBroadcastTestSends
{
    public async Task<int> SendAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        staff.Require(BroadcastPermissions.Compose);
        var delivery = await staff.FindAsync(deliveryId, cancellationToken);
        var messages = delivery.Messages;
        var problems = BroadcastContent.ValidateAll(messages);
        if (problems.Count > 0)
        {
            throw new BroadcastRuleException(problems);
        }

        var recipients = await staff.Db.Set<BroadcastTestAccount>().AsNoTracking().Select(a => a.LineUserId).ToListAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            throw new BroadcastRuleException("テスト送信先が登録されていません。「テスト送信先」の画面で、自分の LINE アカウントを登録してください。");
        }

        var lineMessages = messages.Select(m => m.ToLineMessage()).ToList();
        foreach (var recipient in recipients)
        {
            messenger.Push(recipient, lineMessages);
        }

        await staff.SaveAndAuditAsync(
            BroadcastStaff.Audit("broadcast.test_sent", delivery, $"テスト送信（{recipients.Count} 件のテスト送信先へ）"),
            cancellationToken);
        return recipients.Count;
    }
}
