using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Broadcast.Features.ComposeDelivery;

/// <summary>
/// What the portal's compose screens call (<see cref="BroadcastComposer"/>); every call needs
/// <see cref="BroadcastPermissions.Compose"/> and throws <see cref="BroadcastForbiddenException"/> without it,
/// and <see cref="BroadcastRuleException"/> with Japanese problems for what the delivery's rules refuse.
/// </summary>
public interface IBroadcastComposer
{
    Task<Guid> CreateDraftAsync(BroadcastDraft draft, CancellationToken cancellationToken);

    Task UpdateDraftAsync(Guid deliveryId, BroadcastDraft draft, CancellationToken cancellationToken);

    /// <summary>A draft (a rejected delivery is one again) as it is saved, to edit it.</summary>
    Task<BroadcastDraftToEdit> GetDraftAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Any delivery's title, messages, segment and kind of schedule, to start a new draft from; nothing is saved.</summary>
    Task<BroadcastCopy> CopyAsync(Guid deliveryId, CancellationToken cancellationToken);

    Task<BroadcastRecipientEstimate> EstimateRecipientsAsync(SegmentExpression? segment, CancellationToken cancellationToken);

    /// <summary>Whether <see cref="SubmitAsync"/> asks for approval (true) or schedules the delivery at once.</summary>
    Task<bool> IsApprovalRequiredAsync(CancellationToken cancellationToken);

    Task<BroadcastDeliveryState> SubmitAsync(Guid deliveryId, CancellationToken cancellationToken);
}

/// <param name="RejectionReason">Why an approver sent it back, when one did.</param>
public sealed record BroadcastDraftToEdit(Guid DeliveryId, string AuthorId, string? RejectionReason, BroadcastDraft Draft);

public enum BroadcastScheduleKind
{
    /// <summary>Right after approval.</summary>
    Now,
    At,
    Recurring,
}

/// <summary>
/// What a new draft takes from an earlier delivery. Times are not copied: a one-off time has to be chosen
/// again, and a recurrence keeps its pattern and time of day but starts today, with no end or excluded dates.
/// </summary>
/// <param name="Recurrence">The recurrence when <paramref name="ScheduleKind"/> is <see cref="BroadcastScheduleKind.Recurring"/>.</param>
public sealed record BroadcastCopy(
    string Title, IReadOnlyList<BroadcastContent> Messages, SegmentExpression? Segment, BroadcastScheduleKind ScheduleKind, BroadcastRecurrence? Recurrence);

/// <param name="QuotaWarning">Japanese, when LINE's remaining monthly quota cannot cover <paramref name="Count"/> or could not be read.</param>
public sealed record BroadcastRecipientEstimate(int Count, string? QuotaWarning);
