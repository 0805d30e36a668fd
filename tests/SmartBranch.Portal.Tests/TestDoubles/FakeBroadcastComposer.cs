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

/// <summary>Hirakawa's topics and districts, as its segments.yml has them.</summary>
internal sealed class FixedSegmentCatalog : ISegmentCatalog
{
    public static readonly IReadOnlyList<SegmentAttribute> Attributes =
    [
        new("topic", "受け取りたい情報", "Topics", true,
            [new("disaster", "防災・災害", "Disaster prevention"), new("childcare", "子育て・教育", "Childcare and education"), new("events", "観光・イベント", "Tourism and events")]),
        new("area", "お住まいの地区", "District", false,
            [new("hiraka", "平賀地区", "Hiraka"), new("onoe", "尾上地区", "Onoe"), new("ikarigaseki", "碇ヶ関地区", "Ikarigaseki")]),
    ];

    public Task<IReadOnlyList<SegmentAttribute>> GetAttributesAsync(CancellationToken cancellationToken) => Task.FromResult(Attributes);
}
