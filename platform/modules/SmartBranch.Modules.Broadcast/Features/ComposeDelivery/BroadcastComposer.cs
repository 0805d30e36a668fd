using Microsoft.EntityFrameworkCore;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Features.ComposeDelivery;

/// <summary>Writing a delivery: drafts, edits, the recipient count of a segment, and submitting for approval.</summary>
public sealed class BroadcastComposer
{
    private readonly BroadcastStaff _staff;
    private readonly IResidentAudience _audience;
    private readonly TimeProvider _clock;

    internal BroadcastComposer(BroadcastStaff staff, IResidentAudience audience, TimeProvider clock)
    {
        _staff = staff;
        _audience = audience;
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

    /// <summary>How many residents a segment reaches now (null: all friends), for the compose screen.</summary>
    public Task<int> CountRecipientsAsync(SegmentExpression? segment, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        return _audience.CountAsync(segment, cancellationToken);
    }

    /// <summary>Sends the draft for approval; when the tenant requires none, it is scheduled at once.</summary>
    /// <returns>The delivery's state afterwards.</returns>
    public async Task<BroadcastDeliveryState> SubmitAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Compose);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        var settings = await _staff.Db.Set<BroadcastSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        delivery.Submit(settings?.ApprovalRequired ?? true, _clock.GetUtcNow());
        var summary = delivery.State == BroadcastDeliveryState.AwaitingApproval ? "配信の承認を依頼" : "配信を予約（承認不要の設定）";
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.submitted", delivery, summary), cancellationToken);
        return delivery.State;
    }
}
