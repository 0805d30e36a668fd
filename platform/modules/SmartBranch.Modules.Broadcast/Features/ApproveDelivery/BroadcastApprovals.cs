using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Features.ApproveDelivery;

/// <summary>
/// What an approver sees (the exact messages LINE will receive and how many residents they reach now) and
/// their decision. Approval is by a second person: never the author.
/// </summary>
public sealed class BroadcastApprovals
{
    // Japanese stays readable for the approver; the page escapes what it shows.
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly BroadcastStaff _staff;
    private readonly IResidentAudience _audience;
    private readonly BroadcastQuotaCheck _quota;
    private readonly TimeProvider _clock;

    internal BroadcastApprovals(BroadcastStaff staff, IResidentAudience audience, BroadcastQuotaCheck quota, TimeProvider clock)
    {
        _staff = staff;
        _audience = audience;
        _quota = quota;
        _clock = clock;
    }

    public async Task<BroadcastApprovalView> GetAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.Approve);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        var recipients = await _audience.CountAsync(delivery.Segment, cancellationToken);
        var lineMessages = delivery.Messages.Select(m => m.ToLineMessage()).ToList();
        return new BroadcastApprovalView(
            delivery.Id,
            delivery.Title,
            delivery.AuthorId,
            delivery.State,
            delivery.Messages,
            JsonSerializer.Serialize<IReadOnlyList<LineMessage>>(lineMessages, ReadableJson),
            delivery.Segment,
            recipients,
            delivery.Schedule,
            delivery.ValidUntil,
            await _quota.WarningForAsync(recipients, cancellationToken));
    }

    public async Task ApproveAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var approver = _staff.Require(BroadcastPermissions.Approve);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        var recipients = await _audience.CountAsync(delivery.Segment, cancellationToken);
        delivery.Approve(approver, recipients, _clock.GetUtcNow());
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.approved", delivery, $"配信を承認（対象 {recipients:N0} 人）"), cancellationToken);
    }

    public async Task RejectAsync(Guid deliveryId, string reason, CancellationToken cancellationToken)
    {
        var approver = _staff.Require(BroadcastPermissions.Approve);
        var delivery = await _staff.FindAsync(deliveryId, cancellationToken);
        delivery.Reject(approver, reason, _clock.GetUtcNow());
        await _staff.SaveAndAuditAsync(BroadcastStaff.Audit("broadcast.rejected", delivery, "配信を差し戻し"), cancellationToken);
    }
}

/// <param name="LineMessagesJson">The messages exactly as LINE receives them.</param>
/// <param name="RecipientCount">Residents the segment reaches at this moment.</param>
/// <param name="QuotaWarning">Set when LINE's remaining monthly quota cannot cover the recipients.</param>
public sealed record BroadcastApprovalView(
    Guid DeliveryId,
    string Title,
    string AuthorId,
    BroadcastDeliveryState State,
    IReadOnlyList<BroadcastContent> Messages,
    string LineMessagesJson,
    SegmentExpression? Segment,
    int RecipientCount,
    BroadcastSchedule Schedule,
    DateTimeOffset? ValidUntil,
    string? QuotaWarning);
