using Microsoft.EntityFrameworkCore;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>
/// The applications staff process: newest first, filtered by status, type and the day received, a page at a time. The
/// list carries no personal data (receipt number, type, copies, amount), so reading it is not audited; opening one is.
/// </summary>
public sealed class ApplicationQueue
{
    public const int PageSize = 50;

    /// <summary>The statuses of applications the city has (paid); the ones before are still the resident's.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> Statuses =
        [ApplicationStatus.Received, ApplicationStatus.UnderReview, ApplicationStatus.Shipped, ApplicationStatus.Rejected];

    private readonly ApplicationsStaff _staff;

    internal ApplicationQueue(ApplicationsStaff staff) => _staff = staff;

    /// <summary>The tenant's application types, in residents' order: what the queue filters by.</summary>
    public IReadOnlyList<ApplicationType> Types => _staff.Catalog.Types;

    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.View"/>.</exception>
    public async Task<ApplicationQueueResult> SearchAsync(ApplicationQueueFilter filter, int page, CancellationToken cancellationToken)
    {
        _staff.Require(ApplicationsPermissions.View);
        var query = filter.Apply(_staff.VisibleApplications());
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderByDescending(a => a.ReceivedAt)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new { a.Id, a.ReceiptNumber, a.TypeKey, a.DepartmentKey, a.Status, a.ReceivedAt, a.Copies, a.TotalAmount, a.PersonalDataPurgedAt })
            .ToListAsync(cancellationToken);
        return new ApplicationQueueResult(
            rows.Select(r => new ApplicationListing(
                r.Id, r.ReceiptNumber ?? "", _staff.TypeName(r.TypeKey), _staff.DepartmentName(r.DepartmentKey), r.Status, r.ReceivedAt, r.Copies,
                r.TotalAmount ?? 0, r.PersonalDataPurgedAt is not null)).ToList(),
            page,
            pageCount,
            total);
    }
}

/// <param name="From">Received at or after (UTC).</param>
/// <param name="Until">Received before (UTC).</param>
public sealed record ApplicationQueueFilter(ApplicationStatus? Status = null, string? TypeKey = null, DateTimeOffset? From = null, DateTimeOffset? Until = null)
{
    internal IQueryable<ResidentApplication> Apply(IQueryable<ResidentApplication> applications)
    {
        if (Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (TypeKey is { Length: > 0 } type)
        {
            applications = applications.Where(a => a.TypeKey == type);
        }

        if (From is { } from)
        {
            applications = applications.Where(a => a.ReceivedAt >= from);
        }

        if (Until is { } until)
        {
            applications = applications.Where(a => a.ReceivedAt < until);
        }

        return applications;
    }
}

public sealed record ApplicationQueueResult(IReadOnlyList<ApplicationListing> Applications, int Page, int PageCount, int Total);

/// <param name="Purged">The personal data was erased at the end of the retention period.</param>
public sealed record ApplicationListing(
    Guid Id, string ReceiptNumber, string Type, string Department, ApplicationStatus Status, DateTimeOffset? ReceivedAt, int Copies, int TotalAmount, bool Purged);
