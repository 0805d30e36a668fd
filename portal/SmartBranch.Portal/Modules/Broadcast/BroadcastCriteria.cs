using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.DeliveryHistory;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary>
/// The history search as staff enter it: words of the title or messages, a state, a period of Japanese
/// calendar days the deliveries were created in (both included), an author. The list reads it from the query
/// string and the CSV export from its form, so both search the same way.
/// </summary>
public sealed record BroadcastCriteria(string? Text, string? State, string? From, string? To, string? Author)
{
    public const int PageSize = 30;

    public static readonly BroadcastCriteria None = new(null, null, null, null, null);

    /// <summary>The filter, or why it cannot be made, in the UI language.</summary>
    public (BroadcastHistoryFilter? Filter, string? Error) ToFilter(IStringLocalizer<DeliveryText> text, IStringLocalizer<ShellText> shell)
    {
        if (Trimmed(Text) is { Length: > BroadcastHistory.MaxTextLength })
        {
            return (null, text["TextTooLong", BroadcastHistory.MaxTextLength]);
        }

        BroadcastDeliveryState? state = null;
        if (Trimmed(State) is { } stateName)
        {
            if (!Enum.TryParse<BroadcastDeliveryState>(stateName, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return (null, text["InvalidState"]);
            }

            state = parsed;
        }

        var (period, error) = JapanDayRange.Parse(From, To);
        if (period is null)
        {
            return (null, shell[error!]);
        }

        return (new BroadcastHistoryFilter(Trimmed(Text), state, period.From, period.Until, Trimmed(Author)), null);
    }

    /// <summary>The query string of this search at <paramref name="page"/>, for links that keep it.</summary>
    public string ToQueryString(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Trimmed(Text),
            ["state"] = Trimmed(State),
            ["from"] = Trimmed(From),
            ["to"] = Trimmed(To),
            ["author"] = Trimmed(Author),
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
