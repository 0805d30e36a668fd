using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SmartBranch.Kernel.Audit;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Audit;

/// <summary>
/// The audit log search as staff enter it: a period of Japanese calendar days (both included),
/// the actor, an action or its prefix, text, personal data only. The page reads it from the query
/// string and the CSV export from its form, so both search the same way.
/// </summary>
public sealed record AuditCriteria(string? From, string? To, string? Actor, string? Action, string? Text, bool PersonalOnly)
{
    public const int PageSize = 50;

    public static readonly AuditCriteria None = new(null, null, null, null, null, false);

    /// <summary>The filter, or the reason (a text key of <see cref="ShellText"/>) it cannot be made.</summary>
    public (AuditSearchFilter? Filter, string? ErrorKey) ToFilter()
    {
        var (period, error) = JapanDayRange.Parse(From, To);
        if (period is null)
        {
            return (null, error);
        }

        return (new AuditSearchFilter(
            From: period.From,
            Until: period.Until,
            ActorUserId: Trimmed(Actor),
            Action: Trimmed(Action),
            PersonalDataOnly: PersonalOnly,
            Text: Trimmed(Text)), null);
    }

    /// <summary>The query string of this search at <paramref name="page"/>, for links that keep it.</summary>
    public string ToQueryString(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["from"] = Trimmed(From),
            ["to"] = Trimmed(To),
            ["actor"] = Trimmed(Actor),
            ["action"] = Trimmed(Action),
            ["q"] = Trimmed(Text),
            ["personal"] = PersonalOnly ? "true" : null,
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
