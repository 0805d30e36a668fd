namespace SmartBranch.Modules.Broadcast.Contracts;

/// <summary>
/// What another module may know of deliveries it asked for (a survey's invitation): their state, whom they reached and
/// to which segment, so that it can follow up with the same residents.
/// </summary>
public interface IBroadcastDeliveryOutlines
{
    /// <summary>The current tenant environment's deliveries among <paramref name="deliveryIds"/>; ids not found are left out.</summary>
    Task<IReadOnlyList<BroadcastDeliveryOutline>> FindAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken);
}

/// <param name="StateJa">The delivery's state as staff read it (下書き, 承認待ち, 送信済み …).</param>
/// <param name="SentCount">Residents its sends have reached so far.</param>
/// <param name="SegmentJson">Whom it is addressed to: the Residents module's <c>SegmentExpression</c> as JSON; null: all friends.</param>
public sealed record BroadcastDeliveryOutline(Guid Id, string Title, string StateJa, int SentCount, string? SegmentJson);
