using System.Globalization;
using Microsoft.Extensions.Localization;
using SmartBranch.Kernel;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary>When a delivery goes out, in words and in Japan time.</summary>
public static class ScheduleWording
{
    public static string Describe(BroadcastSchedule schedule, IStringLocalizer<DeliveryText> text) => schedule switch
    {
        SendNow => text["ScheduleNow"],
        SendAt at => text["ScheduleAt", JapanTime.Display(at.At)],
        SendRecurring recurring => Recurrence(recurring.Recurrence, text),
        _ => schedule.ToString(),
    };

    private static string Recurrence(BroadcastRecurrence recurrence, IStringLocalizer<DeliveryText> text)
    {
        var time = recurrence.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        var days = CultureInfo.CurrentUICulture.DateTimeFormat;
        string rule = recurrence.Frequency switch
        {
            RecurrenceFrequency.Daily => text["RecurrenceDaily", time],
            RecurrenceFrequency.Weekly => text["RecurrenceWeekly", string.Join(text["ListSeparator"], (recurrence.Weekdays ?? []).Select(days.GetAbbreviatedDayName)), time],
            RecurrenceFrequency.MonthlyOnDays => text["RecurrenceMonthlyOnDays", string.Join(text["ListSeparator"], recurrence.DaysOfMonth ?? []), time],
            RecurrenceFrequency.MonthlyOnNthWeekday => text[
                "RecurrenceMonthlyOnNthWeekday",
                text[$"WeekOfMonth_{recurrence.WeekOfMonth}"],
                recurrence.NthWeekday is { } weekday ? days.GetDayName(weekday) : "",
                time],
            _ => recurrence.Frequency.ToString(),
        };
        string period = recurrence.EndsOn is { } end
            ? text["RecurrencePeriod", Day(recurrence.StartsOn), Day(end)]
            : text["RecurrenceFrom", Day(recurrence.StartsOn)];
        string excluded = recurrence.ExcludedDates is { Count: > 0 } dates
            ? text["RecurrenceExcluded", string.Join(text["ListSeparator"], dates.Order().Select(Day))]
            : "";
        return string.Join(" ", new[] { rule, period, excluded }.Where(p => p.Length > 0));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
}
