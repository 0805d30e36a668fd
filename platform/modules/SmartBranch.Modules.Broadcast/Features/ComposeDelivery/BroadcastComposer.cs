using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Line.Client;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Features.ComposeDelivery;

/// <summary>Writing a delivery: drafts, edits, copies, the recipient count of a segment, and submitting for approval.</summary>
public sealed class BroadcastComposer : IBroadcastComposer
{
    private readonly BroadcastStaff _staff;
    private readonly IResidentAudience _audience;
    private readonly BroadcastQuotaCheck _quota;
    private readonly TimeProvider _clock;

    internal BroadcastComposer(BroadcastStaff staff, IResidentAudience audience, BroadcastQuotaCheck quota, TimeProvider clock)
    {
        _staff = staff;
        _audience = audience;
        _quota = quota;
        _clock = clock;
    }

    public async Task<Guid> CreateDraftAsync(BroadcastDraft draft, CancellationToken cancellationToken)
    {
        var author = _staff.Require(BroadcastPermissions.Compose);
        var delivery = BroadcastDelivery.Draft(author, draft, _clock.GetUtcNow());
        _staff.Db.Add(delivery);
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.draft.created", delivery, "配信の下書きを作成"), cancellationToken);
        return delivery.Id;
    }

    public async Task UpdateDraftAsync(Guid deliveryId, BroadcastDraft draft, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        delivery.Update(draft, _clock.GetUtcNow());
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.draft.updated", delivery, "配信の下書きを編集"), cancellationToken);
    }

    public async Task<BroadcastDraftToEdit> GetDraftAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        if (delivery.State != BroadcastDeliveryState.Draft)
        {
            throw new BroadcastRuleException($"{StateNames.Japanese(delivery.State)}の配信は編集できません。内容を使うときは「コピーして新規作成」を選んでください。");
        }

        return new BroadcastDraftToEdit(
            delivery.Id,
            delivery.AuthorId,
            delivery.RejectionReason,
            new BroadcastDraft(delivery.Title, delivery.Messages, delivery.Segment, delivery.ValidUntil, delivery.Schedule));
    }

    public async Task<BroadcastCopy> CopyAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        var today = JapanTime.Today(_clock);
        var (kind, recurrence) = delivery.Schedule switch
        {
            SendRecurring recurring => (BroadcastScheduleKind.Recurring, recurring.Recurrence with { StartsOn = today, EndsOn = null, ExcludedDates = null }),
            SendAt => (BroadcastScheduleKind.At, null),
            _ => (BroadcastScheduleKind.Now, (BroadcastRecurrence?)null),
        };
        return new BroadcastCopy(delivery.Title, delivery.Messages, delivery.Segment, kind, recurrence);
    }

    /// <summary>How many residents a segment reaches now (null: all friends), for the compose screen.</summary>
    public Task<int> CountRecipientsAsync(SegmentExpression? segment, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        return _audience.CountAsync(segment, cancellationToken);
    }

    /// <summary>The recipient count with a warning when LINE's remaining monthly quota cannot cover it.</summary>
    public async Task<BroadcastRecipientEstimate> EstimateRecipientsAsync(SegmentExpression? segment, CancellationToken cancellationToken)
    {
        var count = await CountRecipientsAsync(segment, cancellationToken);
        try
        {
            return new BroadcastRecipientEstimate(count, await _quota.WarningForAsync(count, cancellationToken));
        }
        catch (LineApiException)
        {
            // The count still helps; the approver's screen checks the quota again.
            return new BroadcastRecipientEstimate(count, "LINE の今月の送信上限を確認できませんでした。承認の前にもう一度確認されます。");
        }
    }

    public async Task<bool> IsApprovalRequiredAsync(CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        return await ApprovalRequiredAsync(cancellationToken);
    }

    /// <summary>Sends the draft for approval; when the tenant requires none, it is scheduled at once.</summary>
    /// <returns>The delivery's state afterwards.</returns>
    public async Task<BroadcastDeliveryState> SubmitAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        delivery.Submit(await ApprovalRequiredAsync(cancellationToken), _clock.GetUtcNow());
        var summary = delivery.State == BroadcastDeliveryState.AwaitingApproval ? "配信の承認を依頼" : "配信を予約（承認不要の設定）";
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.submitted", delivery, summary), cancellationToken);
        return delivery.State;
    }

    private async Task<bool> ApprovalRequiredAsync(CancellationToken cancellationToken) =>
        (await _staff.Db.Set<BroadcastSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ApprovalRequired ?? true;
}
