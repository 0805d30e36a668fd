using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>
/// The statistics' period as the query string carries it: Japanese calendar days, both ends included. Without them,
/// the last twelve months up to today.
/// </summary>
public sealed record ReportPeriodCriteria(string? From, string? To)
{
    /// <returns>The period in UTC (until is exclusive), or null and a message for staff.</returns>
    public ((DateTimeOffset From, DateTimeOffset Until)? Period, string? Error) ToPeriod(IStringLocalizer<ReportsText> text, TimeProvider clock)
    {
        var (first, last) = Days(clock);
        if (first is null || last is null)
        {
            return (null, text["BadDate"]);
        }

        return last < first ? (null, text["DateOrder"]) : ((JapanTime.StartOf(first.Value), JapanTime.StartOf(last.Value.AddDays(1))), null);
    }

    /// <summary>The first and last day shown in the form: the entered ones, or the default period's.</summary>
    public (DateOnly? First, DateOnly? Last) Days(TimeProvider clock)
    {
        var today = JapanTime.Today(clock);
        var first = string.IsNullOrWhiteSpace(From) ? new DateOnly(today.Year, today.Month, 1).AddMonths(-11) : Parse(From);
        var last = string.IsNullOrWhiteSpace(To) ? today : Parse(To);
        return (first, last);
    }

    private static DateOnly? Parse(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
