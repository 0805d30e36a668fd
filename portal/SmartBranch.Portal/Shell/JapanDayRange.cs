using System.Globalization;
using SmartBranch.Kernel;

namespace SmartBranch.Portal.Shell;

/// <summary>
/// A period as staff enter it in a search form: Japanese calendar days <c>yyyy-MM-dd</c>, both included,
/// either end optional. <see cref="From"/> and <see cref="Until"/> are the UTC bounds (until: exclusive).
/// </summary>
public sealed record JapanDayRange(DateTimeOffset? From, DateTimeOffset? Until)
{
    /// <returns>The range, or the reason it cannot be made (a key of <see cref="ShellText"/>).</returns>
    public static (JapanDayRange? Range, string? ErrorKey) Parse(string? from, string? to)
    {
        if (!TryParseDay(from, out var start))
        {
            return (null, "InvalidFrom");
        }

        if (!TryParseDay(to, out var end))
        {
            return (null, "InvalidTo");
        }

        if (start > end)
        {
            return (null, "FromAfterTo");
        }

        return (new JapanDayRange(
            start is { } s ? JapanTime.StartOf(s) : null,
            end is { } e ? JapanTime.StartOf(e.AddDays(1)) : null), null);
    }

    private static bool TryParseDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }
}
