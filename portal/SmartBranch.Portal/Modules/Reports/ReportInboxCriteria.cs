using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>The inbox's filter as the query string carries it; dates are Japanese calendar days, both ends included.</summary>
public sealed record ReportInboxCriteria(string? Status, string? Category, string? Department, string? From, string? To)
{
    public bool IsEmpty => new[] { Status, Category, Department, From, To }.All(string.IsNullOrEmpty);

    /// <returns>The filter, or null and a message for staff.</returns>
    public (ReportInboxFilter? Filter, string? Error) ToFilter(IStringLocalizer<ReportsText> text)
    {
        ReportStatus? status = Enum.TryParse<ReportStatus>(Status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (!TryParseDay(From, out var from) || !TryParseDay(To, out var to))
        {
            return (null, text["BadDate"]);
        }

        if (from is not null && to is not null && to < from)
        {
            return (null, text["DateOrder"]);
        }

        return (new ReportInboxFilter(
            status,
            string.IsNullOrEmpty(Category) ? null : Category,
            string.IsNullOrEmpty(Department) ? null : Department,
            from is { } start ? JapanTime.StartOf(start) : null,
            to is { } end ? JapanTime.StartOf(end.AddDays(1)) : null), null);
    }

    public string ToQueryString(int page)
    {
        var parts = new List<string>();
        Add(parts, "status", Status);
        Add(parts, "category", Category);
        Add(parts, "department", Department);
        Add(parts, "from", From);
        Add(parts, "to", To);
        if (page > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }
}
