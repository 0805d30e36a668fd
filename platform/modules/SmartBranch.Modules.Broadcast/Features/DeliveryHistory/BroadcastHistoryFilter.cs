using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Features.DeliveryHistory;

/// <summary>A search of the delivery history; every part is optional and the parts combine (AND).</summary>
/// <param name="Text">Part of the title or of the words residents read.</param>
/// <param name="CreatedFrom">Created at or after (UTC).</param>
/// <param name="CreatedUntil">Created before (UTC).</param>
/// <param name="AuthorId">The account that wrote it.</param>
public sealed record BroadcastHistoryFilter(
    string? Text = null,
    BroadcastDeliveryState? State = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedUntil = null,
    string? AuthorId = null)
{
    public static readonly BroadcastHistoryFilter All = new();
}

/// <param name="NextRunAt">When the next send starts; null when nothing is due.</param>
/// <param name="LastRunAt">When the latest send started (or was due, if it was held back); null before the first.</param>
/// <param name="RecipientCount">Residents the latest send targeted; before any send, those counted at approval.</param>
/// <param name="SentCount">Of the latest send; null before any.</param>
/// <param name="FailedCount">Of the latest send; null before any.</param>
public sealed record BroadcastHistoryRow(
    Guid DeliveryId,
    string Title,
    BroadcastDeliveryState State,
    bool IsEmergency,
    string AuthorId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextRunAt,
    DateTimeOffset? LastRunAt,
    int? RecipientCount,
    int? SentCount,
    int? FailedCount);

/// <param name="Page">The page answered (1-based).</param>
public sealed record BroadcastHistoryPage(IReadOnlyList<BroadcastHistoryRow> Rows, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Someone who wrote a delivery of this tenant environment: a choice of the author filter.</summary>
public sealed record BroadcastAuthor(string UserId, string DisplayName);
