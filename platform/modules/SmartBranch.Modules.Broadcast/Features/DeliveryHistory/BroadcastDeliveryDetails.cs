using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.DeliveryReport;
using SmartBranch.Modules.Broadcast.Features.Shared;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Features.DeliveryHistory;

/// <summary>
/// One delivery as anyone who may read deliveries sees it: its messages, audience, schedule, who wrote and
/// approved it, and the report of each send. The approver's own view (<c>BroadcastApprovals</c>) needs approval rights.
/// </summary>
public sealed class BroadcastDeliveryDetails
{
    private readonly BroadcastStaff _staff;
    private readonly BroadcastReports _reports;
    private readonly IResidentAudience _audience;
    private readonly BroadcastQuotaCheck _quota;
    private readonly IStaffDirectory _directory;
    private readonly ICurrentTenant _tenant;

    internal BroadcastDeliveryDetails(
        BroadcastStaff staff, BroadcastReports reports, IResidentAudience audience, BroadcastQuotaCheck quota, IStaffDirectory directory, ICurrentTenant tenant)
    {
        _staff = staff;
        _reports = reports;
        _audience = audience;
        _quota = quota;
        _directory = directory;
        _tenant = tenant;
    }

    public async Task<BroadcastDeliveryDetail> GetAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.View);
        var delivery = await _staff.Db.Set<BroadcastDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
            ?? throw new BroadcastRuleException("配信が見つかりません。削除されたか、別の自治体・環境の配信です。");
        var report = await _reports.GetAsync(deliveryId, cancellationToken);
        var members = await _directory.ListAsync(_tenant.Required.TenantSlug, cancellationToken);
        var names = members.ToDictionary(m => m.UserId, m => m.DisplayName, StringComparer.Ordinal);

        int? recipients = null;
        string? quotaWarning = null;
        if (IsStillToSend(delivery.State))
        {
            recipients = await _audience.CountAsync(delivery.Segment, cancellationToken);
            quotaWarning = await QuotaWarningAsync(recipients.Value, cancellationToken);
        }

        return new BroadcastDeliveryDetail(
            delivery.Id,
            delivery.Title,
            delivery.State,
            delivery.IsEmergency,
            delivery.EmergencyReason,
            delivery.Messages,
            delivery.Segment,
            recipients,
            delivery.ApprovedRecipientCount,
            quotaWarning,
            delivery.Schedule,
            delivery.NextRunAt,
            delivery.ValidUntil,
            new BroadcastStaffMember(delivery.AuthorId, BroadcastHistory.NameOf(names, delivery.AuthorId)),
            delivery.ApproverId is { } approver ? new BroadcastStaffMember(approver, BroadcastHistory.NameOf(names, approver)) : null,
            delivery.ApprovedAt,
            delivery.RejectionReason,
            delivery.CreatedAt,
            report.Runs);
    }

    private static bool IsStillToSend(BroadcastDeliveryState state) =>
        state is BroadcastDeliveryState.Draft or BroadcastDeliveryState.AwaitingApproval or BroadcastDeliveryState.Scheduled or BroadcastDeliveryState.Missed;

    private async Task<string?> QuotaWarningAsync(int recipients, CancellationToken cancellationToken)
    {
        try
        {
            return await _quota.WarningForAsync(recipients, cancellationToken);
        }
        catch (LineApiException)
        {
            // The page stays readable while LINE is unreachable; the send itself checks the quota again.
            return "LINE の今月の送信上限を確認できませんでした。時間をおいて画面を読み込み直してください。";
        }
    }
}

/// <param name="RecipientCount">Residents the audience reaches now, while the delivery is still to be sent; null afterwards.</param>
/// <param name="ApprovedRecipientCount">Residents it reached when it was approved.</param>
/// <param name="QuotaWarning">Set when LINE's remaining monthly quota cannot cover the recipients (Japanese).</param>
/// <param name="Approver">Who approved it, or who returned it with <paramref name="RejectionReason"/>.</param>
/// <param name="Runs">Each send, oldest first.</param>
public sealed record BroadcastDeliveryDetail(
    Guid DeliveryId,
    string Title,
    BroadcastDeliveryState State,
    bool IsEmergency,
    string? EmergencyReason,
    IReadOnlyList<BroadcastContent> Messages,
    SegmentExpression? Segment,
    int? RecipientCount,
    int? ApprovedRecipientCount,
    string? QuotaWarning,
    BroadcastSchedule Schedule,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? ValidUntil,
    BroadcastStaffMember Author,
    BroadcastStaffMember? Approver,
    DateTimeOffset? ApprovedAt,
    string? RejectionReason,
    DateTimeOffset CreatedAt,
    IReadOnlyList<BroadcastRunReport> Runs)
{
    /// <summary>The send held back because its time passed while the system was down, while staff may still confirm it.</summary>
    public BroadcastRunReport? MissedRun =>
        State is BroadcastDeliveryState.Cancelled or BroadcastDeliveryState.Expired ? null : Runs.LastOrDefault(r => r.State == BroadcastRunState.Missed);

    public bool IsSending => Runs.Any(r => r.State == BroadcastRunState.Sending);
}

public sealed record BroadcastStaffMember(string UserId, string DisplayName);
