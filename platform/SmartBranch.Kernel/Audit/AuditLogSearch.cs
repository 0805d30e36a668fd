using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Audit;

/// <summary>
/// What a tenant admin looks for; every filter is optional. <see cref="Action"/> matches an action or
/// its dotted prefix (<c>residents</c>); <see cref="Text"/> is found in the target's type or id, the
/// summary or the actor's name.
/// </summary>
public sealed record AuditSearchFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    string? ActorUserId = null,
    string? Action = null,
    string? TargetType = null,
    string? TargetId = null,
    bool PersonalDataOnly = false,
    string? Text = null);

public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset OccurredAt,
    string? EnvironmentName,
    AuditActorKind ActorKind,
    string ActorUserId,
    string ActorDisplayName,
    string Action,
    string? TargetType,
    string? TargetId,
    string? Summary,
    bool TouchesPersonalData,
    string? ClientIp);

public sealed record AuditSearchPage(IReadOnlyList<AuditEntryView> Entries, int TotalCount, int Page, int PageSize);

/// <summary>Someone who appears in the tenant's log, under the name they had most recently.</summary>
public sealed record AuditActor(string UserId, string DisplayName, AuditActorKind Kind);

/// <summary>
/// The current tenant's audit log for its admins, newest first (the caller checks <c>audit.view</c>
/// or <c>audit.export</c>). Exports are themselves recorded.
/// </summary>
public interface IAuditLogSearch
{
    /// <param name="page">1-based.</param>
    /// <param name="pageSize">At most <see cref="AuditLogSearch.MaxPageSize"/>.</param>
    Task<AuditSearchPage> SearchAsync(AuditSearchFilter filter, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Writes every matching entry as CSV (UTF-8 with BOM, for Excel), row by row.</summary>
    Task ExportCsvAsync(AuditSearchFilter filter, Stream output, CancellationToken cancellationToken);

    /// <summary>Everyone who acted in the tenant's log, by name: the choices of the actor filter.</summary>
    Task<IReadOnlyList<AuditActor>> ListActorsAsync(CancellationToken cancellationToken);

    /// <summary>Recomputes the tenant's chain and reports the first altered or missing entry.</summary>
    Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken);
}

internal sealed class AuditLogSearch(SmartBranchDbContext db, ICurrentTenant currentTenant, IAuditLog auditLog, AuditChainVerifier verifier) : IAuditLogSearch
{
    public const int MaxPageSize = 200;

    public async Task<AuditSearchPage> SearchAsync(AuditSearchFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        var query = Query(filter);
        var total = await query.CountAsync(cancellationToken);
        var entries = await Project(query.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new AuditSearchPage(entries, total, page, pageSize);
    }

    public async Task ExportCsvAsync(AuditSearchFilter filter, Stream output, CancellationToken cancellationToken)
    {
        var rows = Project(Query(filter).OrderByDescending(e => e.Sequence)).AsAsyncEnumerable();
        var count = await AuditCsv.WriteAsync(rows, output, cancellationToken);
        await auditLog.RecordAsync(
            new AuditRecord("audit.exported", "audit-log", null, $"監査ログを CSV で出力しました（{count} 件）。"),
            cancellationToken);
    }

    public async Task<IReadOnlyList<AuditActor>> ListActorsAsync(CancellationToken cancellationToken)
    {
        var chain = Chain();
        var latest = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Chain == chain)
            .GroupBy(e => e.ActorUserId)
            .Select(g => g.Max(e => e.Sequence))
            .ToListAsync(cancellationToken);
        var actors = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Chain == chain && latest.Contains(e.Sequence))
            .Select(e => new AuditActor(e.ActorUserId, e.ActorDisplayName, e.ActorKind))
            .ToListAsync(cancellationToken);
        return [.. actors.OrderBy(a => a.Kind).ThenBy(a => a.DisplayName, StringComparer.Ordinal)];
    }

    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken) => verifier.VerifyChainAsync(Chain(), cancellationToken);

    private string Chain() => AuditChains.For(currentTenant.Tenant?.Slug ?? throw new InvalidOperationException("The audit log is searched inside a tenant."));

    private IQueryable<AuditEntry> Query(AuditSearchFilter filter)
    {
        var chain = Chain();
        var query = db.AuditEntries.AsNoTracking().Where(e => e.Chain == chain);
        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(e => e.OccurredAt < until);
        }

        if (filter.ActorUserId is { Length: > 0 } actor)
        {
            query = query.Where(e => e.ActorUserId == actor);
        }

        if (filter.Action is { Length: > 0 } action)
        {
            var prefix = action + ".";
            query = query.Where(e => e.Action == action || e.Action.StartsWith(prefix));
        }

        if (filter.TargetType is { Length: > 0 } targetType)
        {
            query = query.Where(e => e.TargetType == targetType);
        }

        if (filter.TargetId is { Length: > 0 } targetId)
        {
            query = query.Where(e => e.TargetId == targetId);
        }

        if (filter.Text is { Length: > 0 } text)
        {
            query = query.Where(e => (e.TargetType != null && e.TargetType.Contains(text))
                || (e.TargetId != null && e.TargetId.Contains(text))
                || (e.Summary != null && e.Summary.Contains(text))
                || e.ActorDisplayName.Contains(text));
        }

        return filter.PersonalDataOnly ? query.Where(e => e.TouchesPersonalData) : query;
    }

    private static IQueryable<AuditEntryView> Project(IQueryable<AuditEntry> query) =>
        query.Select(e => new AuditEntryView(
            e.Sequence, e.OccurredAt, e.EnvironmentName, e.ActorKind, e.ActorUserId, e.ActorDisplayName,
            e.Action, e.TargetType, e.TargetId, e.Summary, e.TouchesPersonalData, e.ClientIp));
}
