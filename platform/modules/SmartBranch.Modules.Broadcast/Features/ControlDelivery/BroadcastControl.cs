using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Broadcast.Jobs;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Features.ControlDelivery;

/// <summary>Staff stepping in: cancel before sending, stop while sending, or confirm a late send of a missed one.</summary>
public sealed class BroadcastControl
{
    private readonly BroadcastStaff _staff;
    private readonly IResidentAudience _audience;
    private readonly BroadcastSenderSignal _sender;
    private readonly TimeProvider _clock;

    internal BroadcastControl(BroadcastStaff staff, IResidentAudience audience, BroadcastSenderSignal sender, TimeProvider clock)
    {
        _staff = staff;
        _audience = audience;
        _sender = sender;
        _clock = clock;
    }

    /// <summary>Withdraws a draft, a delivery awaiting approval or a scheduled one (a recurring one sends nothing more).</summary>
    public async Task CancelAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var staffId = _staff.Require(BroadcastPermissions.Compose);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        delivery.Cancel(staffId, _clock.GetUtcNow());
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.cancelled", delivery, "配信を取り消し"), cancellationToken);
    }

    /// <summary>
    /// Stops the send in progress: no further batch leaves once the engine sees the request (within a round of
    /// batches, about a second); the report then shows who received it.
    /// </summary>
    public async Task StopAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var staffId = _staff.Require(BroadcastPermissions.Stop);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        var run = await _staff.Db.Set<BroadcastRun>()
            .Where(r => r.DeliveryId == deliveryId && r.State == BroadcastRunState.Sending)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new BroadcastRuleException("この配信は送信中ではありません。");
        run.RequestStop(staffId, _clock.GetUtcNow());
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.stop.requested", delivery, "送信中の配信を停止"), cancellationToken);
        _sender.Notify();
    }

    /// <summary>Sends now a send whose time passed while the system was down; it was held back, not sent late in a burst.</summary>
    public async Task SendMissedAsync(Guid runId, CancellationToken cancellationToken)
    {
        var staffId = _staff.Require(BroadcastPermissions.Compose);
        var run = await _staff.Db.Set<BroadcastRun>().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new BroadcastRuleException("送信記録が見つかりません。");
        var delivery = await _staff.FindAsync(run.DeliveryId, cancellationToken);
        var now = _clock.GetUtcNow();
        if (delivery.IsExpiredAt(now))
        {
            throw new BroadcastRuleException("有効期限を過ぎているため送信できません。");
        }

        if (delivery.State == BroadcastDeliveryState.Cancelled)
        {
            throw new BroadcastRuleException("取り消し済みの配信は送信できません。");
        }

        run.ConfirmLate(staffId, await _audience.CountAsync(delivery.Segment, cancellationToken), now);
        if (!delivery.Schedule.IsRecurring)
        {
            delivery.MissedConfirmed(now);
        }

        await _staff.SaveAndAuditAsync(
            new AuditRecord("broadcast.missed.confirmed", "broadcast", delivery.Id.ToString(), $"予定時刻を過ぎた配信「{delivery.Title}」を遅れて送信"),
            cancellationToken);
        _sender.Notify();
    }
}
