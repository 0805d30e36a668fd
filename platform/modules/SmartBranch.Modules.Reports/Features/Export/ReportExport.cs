using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Modules.Reports.Features.Cases;

namespace SmartBranch.Modules.Reports.Features.Export;

/// <summary>The inbox's current filter as a CSV download; each export is audited with its row count.</summary>
public sealed class ReportExport
{
    private readonly ReportsStaff _staff;
    private readonly IAuditLog _audit;

    internal ReportExport(ReportsStaff staff, IAuditLog audit)
    {
        _staff = staff;
        _audit = audit;
    }

    /// <summary>Every case the filter finds among those the staff member may see, newest first, streamed to <paramref name="output"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    public async Task ExportCsvAsync(ReportInboxFilter filter, Stream output, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.View);
        var rows = filter.Apply(_staff.VisibleCases().AsNoTracking())
            .OrderByDescending(c => c.ReportedAt)
            .Select(c => new ReportCasesCsv.ReportCaseRow(
                c.ReceiptNumber, c.Status, c.CategoryKey, c.DepartmentKey, c.Latitude, c.Longitude, c.ReportedAt, c.UpdatedAt, c.PossibleDuplicateOfId != null))
            .AsAsyncEnumerable();
        var count = await ReportCasesCsv.WriteAsync(rows, _staff.Catalog, output, cancellationToken);
        await _audit.RecordAsync(new AuditRecord("reports.cases.exported", "report", null, $"通報の一覧を CSV で出力（{count:N0} 件）"), cancellationToken);
    }
}
