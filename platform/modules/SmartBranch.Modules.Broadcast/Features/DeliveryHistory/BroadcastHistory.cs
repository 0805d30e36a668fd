using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;

namespace SmartBranch.Modules.Broadcast.Features.DeliveryHistory;

/// <summary>
/// The tenant environment's deliveries, newest first: searched and paged in the database, and exported as CSV.
/// Each row carries the figures of its latest send.
/// </summary>
public sealed class BroadcastHistory
{
    public const int MaxPageSize = 200;
    public const int MaxTextLength = 100;

    private readonly BroadcastStaff _staff;
    private readonly IStaffDirectory _directory;
    private readonly ICurrentTenant _tenant;

    internal BroadcastHistory(BroadcastStaff staff, IStaffDirectory directory, ICurrentTenant tenant)
    {
        _staff = staff;
        _directory = directory;
        _tenant = tenant;
    }

    /// <param name="page">1-based; a page past the last answers no rows.</param>
    public async Task<BroadcastHistoryPage> SearchAsync(BroadcastHistoryFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        _staff.Require(BroadcastPermissions.View);

        var query = Query(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(query.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        var names = await StaffNamesAsync(cancellationToken);
        return new BroadcastHistoryPage([.. rows.Select(r => r.ToRow(names))], total, page, pageSize);
    }

    /// <summary>Everyone who wrote a delivery here, by name.</summary>
    public async Task<IReadOnlyList<BroadcastAuthor>> ListAuthorsAsync(CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.View);
        var authorIds = await _staff.Db.Set<BroadcastDelivery>().AsNoTracking().Select(d => d.AuthorId).Distinct().ToListAsync(cancellationToken);
        var names = await StaffNamesAsync(cancellationToken);
        return [.. authorIds.Select(id => new BroadcastAuthor(id, NameOf(names, id))).OrderBy(a => a.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>Every delivery the filter finds, as CSV streamed to <paramref name="output"/>; the export is audited.</summary>
    public async Task ExportCsvAsync(BroadcastHistoryFilter filter, Stream output, CancellationToken cancellationToken)
    {
        _staff.Require(BroadcastPermissions.View);
        var names = await StaffNamesAsync(cancellationToken);
        var rows = Project(Query(filter)).AsAsyncEnumerable();
        var count = await BroadcastHistoryCsv.WriteAsync(rows, names, output, cancellationToken);
        await _staff.AuditLog.RecordAsync(
            new AuditRecord("broadcast.history.exported", "broadcast", null, $"配信履歴を CSV で出力（{count:N0} 件）"),
            cancellationToken);
    }

    private IQueryable<BroadcastDelivery> Query(BroadcastHistoryFilter filter)
    {
        var query = _staff.Db.Set<BroadcastDelivery>().AsNoTracking();
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            query = query.Where(d => d.Title.Contains(text) || d.MessageText.Contains(text));
        }

        if (filter.State is { } state)
        {
            query = query.Where(d => d.State == state);
        }

        if (filter.CreatedFrom is { } from)
        {
            query = query.Where(d => d.CreatedAt >= from);
        }

        if (filter.CreatedUntil is { } until)
        {
            query = query.Where(d => d.CreatedAt < until);
        }

        if (filter.AuthorId is { Length: > 0 } author)
        {
            query = query.Where(d => d.AuthorId == author);
        }

        return query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id);
    }

    private IQueryable<HistoryRecord> Project(IQueryable<BroadcastDelivery> deliveries)
    {
        var runs = _staff.Db.Set<BroadcastRun>().AsNoTracking();
        return deliveries.Select(d => new HistoryRecord(
            d.Id,
            d.Title,
            d.State,
            d.IsEmergency,
            d.AuthorId,
            d.CreatedAt,
            d.NextRunAt,
            d.ApprovedRecipientCount,
            runs.Where(r => r.DeliveryId == d.Id)
                .OrderByDescending(r => r.OccurrenceAt)
                .Select(r => new LatestRun(r.StartedAt ?? r.OccurrenceAt, r.TargetCount, r.SentCount, r.FailedCount))
                .FirstOrDefault()));
    }

    private async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(CancellationToken cancellationToken)
    {
        var members = await _directory.ListAsync(_tenant.Required.TenantSlug, cancellationToken);
        return members.ToDictionary(m => m.UserId, m => m.DisplayName, StringComparer.Ordinal);
    }

    internal static string NameOf(IReadOnlyDictionary<string, string> names, string userId) =>
        names.TryGetValue(userId, out var name) ? name : userId;

    internal sealed record LatestRun(DateTimeOffset At, int TargetCount, int SentCount, int FailedCount);

    internal sealed record HistoryRecord(
        Guid Id,
        string Title,
        BroadcastDeliveryState State,
        bool IsEmergency,
        string AuthorId,
        DateTimeOffset CreatedAt,
        DateTimeOffset? NextRunAt,
        int? ApprovedRecipientCount,
        LatestRun? LastRun)
    {
        public BroadcastHistoryRow ToRow(IReadOnlyDictionary<string, string> names) => new(
            Id,
            Title,
            State,
            IsEmergency,
            AuthorId,
            NameOf(names, AuthorId),
            CreatedAt,
            NextRunAt,
            LastRun?.At,
            LastRun?.TargetCount ?? ApprovedRecipientCount,
            LastRun?.SentCount,
            LastRun?.FailedCount);
    }
}
