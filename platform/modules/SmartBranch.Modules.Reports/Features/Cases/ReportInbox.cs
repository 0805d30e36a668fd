using Microsoft.EntityFrameworkCore;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.Cases;

/// <summary>
/// The case inbox: newest first, filtered by status, category, department and report date. The list carries no
/// personal data (no place, comment or photo), so reading it is not audited; opening a case is.
/// </summary>
public sealed class ReportInbox
{
    public const int PageSize = 50;

    private readonly ReportsStaff _staff;

    internal ReportInbox(ReportsStaff staff) => _staff = staff;

    /// <summary>The tenant's categories, in residents' order: what the inbox filters by.</summary>
    public IReadOnlyList<ReportCategory> Categories => _staff.Catalog.Categories;

    public IReadOnlyList<ReportDepartment> Departments => _staff.Catalog.Departments;

    /// <summary>The open cases (受付・対応中) this staff member may see.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    public Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.View);
        return _staff.VisibleCases().CountAsync(c => c.Status == ReportStatus.Received || c.Status == ReportStatus.InProgress, cancellationToken);
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    public async Task<ReportInboxResult> SearchAsync(ReportInboxFilter filter, int page, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.View);
        var query = filter.Apply(_staff.VisibleCases());
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderByDescending(c => c.ReportedAt)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(c => new { c.Id, c.ReceiptNumber, c.CategoryKey, c.DepartmentKey, c.Status, c.ReportedAt, c.PossibleDuplicateOfId })
            .ToListAsync(cancellationToken);
        var catalog = _staff.Catalog;
        return new ReportInboxResult(
            rows.Select(r => new ReportListing(
                r.Id, r.ReceiptNumber, catalog.Category(r.CategoryKey)?.NameJa ?? r.CategoryKey, catalog.Department(r.DepartmentKey)?.Name ?? r.DepartmentKey,
                r.Status, r.ReportedAt, r.PossibleDuplicateOfId is not null)).ToList(),
            page,
            pageCount,
            total);
    }
}

/// <param name="From">Reported at or after (UTC).</param>
/// <param name="Until">Reported before (UTC).</param>
public sealed record ReportInboxFilter(ReportStatus? Status = null, string? CategoryKey = null, string? DepartmentKey = null, DateTimeOffset? From = null, DateTimeOffset? Until = null)
{
    /// <summary>The cases of <paramref name="cases"/> this filter keeps: the inbox, its map and its CSV show the same ones.</summary>
    internal IQueryable<ReportCase> Apply(IQueryable<ReportCase> cases)
    {
        if (Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (CategoryKey is { Length: > 0 } category)
        {
            cases = cases.Where(c => c.CategoryKey == category);
        }

        if (DepartmentKey is { Length: > 0 } department)
        {
            cases = cases.Where(c => c.DepartmentKey == department);
        }

        if (From is { } from)
        {
            cases = cases.Where(c => c.ReportedAt >= from);
        }

        if (Until is { } until)
        {
            cases = cases.Where(c => c.ReportedAt < until);
        }

        return cases;
    }
}

public sealed record ReportInboxResult(IReadOnlyList<ReportListing> Cases, int Page, int PageCount, int Total);

public sealed record ReportListing(
    Guid Id, string ReceiptNumber, string Category, string Department, ReportStatus Status, DateTimeOffset ReportedAt, bool PossibleDuplicate);
