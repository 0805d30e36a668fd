using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>
/// Deliveries kept in memory, checked by the real domain (<see cref="BroadcastDelivery"/>), so the screen shows the
/// very problems the module gives; counts are what a test sets per segment.
/// </summary>
internal sealed class FakeBroadcastComposer : IBroadcastComposer
{
    public Dictionary<Guid, BroadcastDraft> Drafts { get; } = [];

    public Dictionary<Guid, BroadcastCopy> Copies { get; } = [];

    public Dictionary<Guid, string> RejectionReasons { get; } = [];

    public List<Guid> Submitted { get; } = [];

    /// <summary>Every segment counted, in order (null: all friends).</summary>
    public List<SegmentExpression?> Counted { get; } = [];

    public Func<SegmentExpression?, BroadcastRecipientEstimate> Estimate { get; set; } = _ => new BroadcastRecipientEstimate(0, null);

    public bool ApprovalRequired { get; set; } = true;

    public Task<Guid> CreateDraftAsync(BroadcastDraft draft, CancellationToken cancellationToken)
    {
        var delivery = BroadcastDelivery.Draft("user-1", draft, DateTimeOffset.UtcNow);
        Drafts[delivery.Id] = draft;
        return Task.FromResult(delivery.Id);
    }

    public Task UpdateDraftAsync(Guid deliveryId, BroadcastDraft draft, CancellationToken cancellationToken)
    {
        BroadcastDelivery.Draft("user-1", draft, DateTimeOffset.UtcNow);
        Drafts[deliveryId] = draft;
        return Task.CompletedTask;
    }

    public Task<BroadcastDraftToEdit> GetDraftAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult(new BroadcastDraftToEdit(deliveryId, "user-1", RejectionReasons.GetValueOrDefault(deliveryId), Drafts[deliveryId]));

    public Task<BroadcastCopy> CopyAsync(Guid deliveryId, CancellationToken cancellationToken) => Task.FromResult(Copies[deliveryId]);

    public Task<BroadcastRecipientEstimate> EstimateRecipientsAsync(SegmentExpression? segment, CancellationToken cancellationToken)
    {
        Counted.Add(segment);
        return Task.FromResult(Estimate(segment));
    }

    public Task<bool> IsApprovalRequiredAsync(CancellationToken cancellationToken) => Task.FromResult(ApprovalRequired);

    public Task<BroadcastDeliveryState> SubmitAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        Submitted.Add(deliveryId);
        return Task.FromResult(ApprovalRequired ? BroadcastDeliveryState.AwaitingApproval : BroadcastDeliveryState.Scheduled);
    }
}
