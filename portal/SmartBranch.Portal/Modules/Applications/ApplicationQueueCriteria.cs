using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Processing;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Applications;

/// <summary>The queue's filter as the query string carries it; dates are Japanese calendar days of receipt, both ends included.</summary>
public sealed record ApplicationQueueCriteria(string? Status, string? Type, string? From, string? To)
{
    public bool IsEmpty => new[] { Status, Type, From, To }.All(string.IsNullOrWhiteSpace);

    /// <returns>The filter, or null and a message for staff.</returns>
    public (ApplicationQueueFilter? Filter, string? Error) ToFilter(IStringLocalizer<ApplicationsText> text, IStringLocalizer<ShellText> shell)
    {
        ApplicationStatus? status = null;
        if (Trimmed(Status) is { } statusName)
        {
            if (!Enum.TryParse<ApplicationStatus>(statusName, ignoreCase: false, out var parsed) || !ApplicationQueue.Statuses.Contains(parsed))
            {
                return (null, text["InvalidStatus"]);
            }

            status = parsed;
        }

        var (period, error) = JapanDayRange.Parse(From, To);
        return period is null ? (null, shell[error!]) : (new ApplicationQueueFilter(status, Trimmed(Type), period.From, period.Until), null);
    }

    public string ToQueryString(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["status"] = Trimmed(Status),
            ["type"] = Trimmed(Type),
            ["from"] = Trimmed(From),
            ["to"] = Trimmed(To),
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
