using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;

namespace SmartBranch.Modules.Reports.Features.Statistics;

/// <summary>
/// Counts of the reports filed in a period, among those the staff member may see: by category, by district, by month
/// (Japan time), and how long closed ones took to close (filed to 完了 or 対応不可) per category. The figures carry no
/// personal data, so computing them is not audited; downloading them is.
/// </summary>
public sealed class ReportStatistics
{
    private readonly ReportsStaff _staff;
    private readonly IAuditLog _audit;

    internal ReportStatistics(ReportsStaff staff, IAuditLog audit)
    {
        _staff = staff;
        _audit = audit;
    }

    /// <param name="from">Reported at or after (UTC).</param>
    /// <param name="until">Reported before (UTC).</param>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    public async Task<ReportStatisticsResult> ComputeAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.View);
        var cases = await _staff.VisibleCases().AsNoTracking()
            .Where(c => c.ReportedAt >= from && c.ReportedAt < until)
            .Select(c => new { c.Id, c.CategoryKey, c.Status, c.ReportedAt, c.Latitude, c.Longitude })
            .ToListAsync(cancellationToken);
        var ids = cases.Where(c => !c.Status.IsOpen()).Select(c => c.Id).ToList();
        var closings = await ClosingTimesAsync(ids, cancellationToken);

        var catalog = _staff.Catalog;
        var categoryKeys = catalog.Categories.Select(c => c.Key).Concat(cases.Select(c => c.CategoryKey)).Distinct().ToList();
        var byCategory = categoryKeys.Select(key =>
        {
            var ofCategory = cases.Where(c => c.CategoryKey == key).ToList();
            var durations = ofCategory.Where(c => closings.ContainsKey(c.Id)).Select(c => closings[c.Id] - c.ReportedAt).Order().ToList();
            return new ReportCategoryFigures(
                catalog.Category(key)?.NameJa ?? key, ofCategory.Count, ofCategory.Count(c => c.Status.IsOpen()), durations.Count, Median(durations), Percentile90(durations));
        }).ToList();

        var districtOf = cases.ToDictionary(c => c.Id, c => catalog.Districts.NameOf(c.Latitude, c.Longitude));
        var byDistrict = catalog.Districts.Names
            .Select(name => new ReportAreaCount(name, districtOf.Values.Count(d => d == name)))
            .Append(new ReportAreaCount(null, districtOf.Values.Count(d => d is null)))
            .ToList();

        var byMonth = Months(from, until)
            .Select(month => new ReportMonthCount(month, cases.Count(c => Month(c.ReportedAt) == month)))
            .ToList();
        return new ReportStatisticsResult(from, until, cases.Count, byCategory, byDistrict, byMonth);
    }

    /// <summary>The figures as CSV (UTF-8 with a BOM, hours with one decimal); audited.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.View"/>.</exception>
    public async Task ExportCsvAsync(DateTimeOffset from, DateTimeOffset until, Stream output, CancellationToken cancellationToken)
    {
        var result = await ComputeAsync(from, until, cancellationToken);
        await ReportStatisticsCsv.WriteAsync(result, output, cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("reports.statistics.exported", "report", null, $"通報の統計を CSV で出力（{JapanTime.Format(from)} から {JapanTime.Format(until)} まで）"),
            cancellationToken);
    }

    /// <summary>When each case first reached 完了 or 対応不可, from its history.</summary>
    private async Task<Dictionary<Guid, DateTimeOffset>> ClosingTimesAsync(List<Guid> caseIds, CancellationToken cancellationToken)
    {
        var closings = new Dictionary<Guid, DateTimeOffset>();

        // A few hundred ids per query keep PostgreSQL's and SQLite's parameter limits far away.
        foreach (var chunk in caseIds.Chunk(500))
        {
            var entries = await _staff.Db.Set<ReportCaseEntry>().AsNoTracking()
                .Where(e => chunk.Contains(e.CaseId) && (e.ToStatus == ReportStatus.Completed || e.ToStatus == ReportStatus.Declined))
                .Select(e => new { e.CaseId, e.At })
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                if (!closings.TryGetValue(entry.CaseId, out var at) || entry.At < at)
                {
                    closings[entry.CaseId] = entry.At;
                }
            }
        }

        return closings;
    }

    private static DateOnly Month(DateTimeOffset time)
    {
        var japan = JapanTime.From(time);
        return new DateOnly(japan.Year, japan.Month, 1);
    }

    private static IEnumerable<DateOnly> Months(DateTimeOffset from, DateTimeOffset until)
    {
        var last = Month(until.AddTicks(-1));
        for (var month = Month(from); month <= last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>The middle value, or the mean of the two middle ones.</summary>
    private static TimeSpan? Median(List<TimeSpan> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    /// <summary>Nearest rank: the smallest value that at least 90% of the values do not exceed.</summary>
    private static TimeSpan? Percentile90(List<TimeSpan> sorted) =>
        sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
}

/// <param name="From">Reported at or after (UTC).</param>
/// <param name="Until">Reported before (UTC).</param>
public sealed record ReportStatisticsResult(
    DateTimeOffset From,
    DateTimeOffset Until,
    int Total,
    IReadOnlyList<ReportCategoryFigures> ByCategory,
    IReadOnlyList<ReportAreaCount> ByDistrict,
    IReadOnlyList<ReportMonthCount> ByMonth);

/// <param name="Closed">Closed cases whose closing is in their history: what the times to close are computed from.</param>
public sealed record ReportCategoryFigures(string Category, int Total, int Open, int Closed, TimeSpan? MedianTimeToClose, TimeSpan? Percentile90TimeToClose);

/// <param name="District">Null: in no district (outside the city, or in the gaps of simplified outlines).</param>
public sealed record ReportAreaCount(string? District, int Count);

/// <param name="Month">The first day of the month, in Japan.</param>
public sealed record ReportMonthCount(DateOnly Month, int Count);
