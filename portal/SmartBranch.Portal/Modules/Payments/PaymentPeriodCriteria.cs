using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel;
using SmartBranch.Modules.Payments.Features.Reconciliation;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Modules.Payments;

/// <summary>
/// The period as the query string or the export form carries it: Japanese calendar days <c>yyyy-MM-dd</c>, both included.
/// Left empty, it runs from the first of this month (Japan) to today.
/// </summary>
public sealed record PaymentPeriodCriteria(string? From, string? To)
{
    /// <returns>The UTC bounds (until: exclusive), or null and a message for staff.</returns>
    public ((DateTimeOffset From, DateTimeOffset Until)? Period, string? Error) ToPeriod(IStringLocalizer<PaymentsText> text, IStringLocalizer<ShellText> shell)
    {
        var (range, error) = JapanDayRange.Parse(From, To);
        if (range is null)
        {
            return (null, shell[error!]);
        }

        if (range.From is not { } from || range.Until is not { } until)
        {
            return (null, text["PeriodIncomplete"]);
        }

        return until - from > PaymentReconciliation.MaxPeriod ? (null, text["PeriodTooLong"]) : ((from, until), null);
    }

    /// <summary>This month so far, in Japan, as the form shows it.</summary>
    public static PaymentPeriodCriteria ThisMonth(TimeProvider clock)
    {
        var today = JapanTime.Today(clock);
        return new PaymentPeriodCriteria(Day(new DateOnly(today.Year, today.Month, 1)), Day(today));
    }

    /// <summary>These criteria, or <see cref="ThisMonth"/> when neither end is given.</summary>
    public PaymentPeriodCriteria OrThisMonth(TimeProvider clock) =>
        string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) ? ThisMonth(clock) : this;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
