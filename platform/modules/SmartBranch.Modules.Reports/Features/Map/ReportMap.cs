using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;

namespace SmartBranch.Modules.Reports.Features.Map;

/// <summary>
/// The inbox's cases as map markers: the inbox's columns and the exact place, nothing more (no comment, address,
/// photo or reporter). The place is what opening a case shows, so reading the markers is audited like opening one.
/// </summary>
public sealed class ReportMap
{
    /// <summary>More markers than this tell staff to narrow the filter instead of hiding the newest.</summary>
    public const int MaxMarkers = 1000;

    private readonly ReportsStaff _staff;
    private readonly IAuditLog _audit;

    internal ReportMap(ReportsStaff staff, IAuditLog audit)
    {
        _staff = staff;
        _audit = audit;
    }

    /// <summary>The tiles and attribution the tenant's maps use.</summary>
    public ReportMapSettings Settings => _staff.Catalog.Map;

    /// <summary>Where an empty map opens: inside the city's boundary, or null without one.</summary>
    public (double Latitude, double Longitude)? CityCentre => _staff.Catalog.Boundary?.Centre;

    /// <summary>The newest <see cref="MaxMarkers"/> cases the filter finds among those the staff member may see.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    public async Task<ReportMapMarkers> MarkersAsync(ReportInboxFilter filter, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.View);
        var query = filter.Apply(_staff.VisibleCases().AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.ReportedAt)
            .Take(MaxMarkers)
            .Select(c => new { c.Id, c.ReceiptNumber, c.CategoryKey, c.Status, c.ReportedAt, c.Latitude, c.Longitude })
            .ToListAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("reports.map.viewed", "report", null, $"通報の地図を開きました（{rows.Count:N0} 件の場所）。", TouchesPersonalData: true),
            cancellationToken);
        var catalog = _staff.Catalog;
        return new ReportMapMarkers(
            [.. rows.Select(r => new ReportMapMarker(
                r.Id, r.ReceiptNumber, r.CategoryKey, catalog.Category(r.CategoryKey)?.NameJa ?? r.CategoryKey, r.Status, r.ReportedAt, r.Latitude, r.Longitude))],
            total);
    }
}

/// <param name="Total">How many cases the filter found; more than the markers when capped at <see cref="ReportMap.MaxMarkers"/>.</param>
public sealed record ReportMapMarkers(IReadOnlyList<ReportMapMarker> Markers, int Total);

public sealed record ReportMapMarker(
    Guid Id, string ReceiptNumber, string CategoryKey, string Category, ReportStatus Status, DateTimeOffset ReportedAt, double Latitude, double Longitude);
