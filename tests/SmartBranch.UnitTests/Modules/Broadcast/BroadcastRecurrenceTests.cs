using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.UnitTests.Modules.Broadcast;

/// <summary>Recurring deliveries follow Japan's calendar: wall times in Asia/Tokyo, stored and compared in UTC.</summary>
public sealed class BroadcastRecurrenceTests
{
    private static DateTimeOffset Tokyo(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    private static List<DateTimeOffset> Occurrences(BroadcastRecurrence recurrence, DateTimeOffset after, int count)
    {
        var list = new List<DateTimeOffset>();
        var cursor = after;
        while (list.Count < count && recurrence.NextAfter(cursor) is { } next)
        {
            list.Add(next.ToOffset(TimeSpan.FromHours(9)));
            cursor = next;
        }

        return list;
    }

    [Fact]
    public void A_daily_delivery_at_9_in_Tokyo_is_stored_as_midnight_UTC_all_year_round()
    {
        var daily = new BroadcastRecurrence(RecurrenceFrequency.Daily, new TimeOnly(9, 0), new DateOnly(2026, 3, 1));

        // Around the dates Europe and the US change their clocks: Japan does not.
        var march = daily.NextAfter(Tokyo(2026, 3, 28, 12))!.Value;
        var november = daily.NextAfter(Tokyo(2026, 11, 1, 12))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), march);
        Assert.Equal(TimeSpan.Zero, march.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), november);
    }

    [Fact]
    public void A_delivery_early_in_the_Tokyo_morning_falls_on_the_previous_UTC_day()
    {
        var daily = new BroadcastRecurrence(RecurrenceFrequency.Daily, new TimeOnly(6, 30), new DateOnly(2026, 4, 1));

        var first = daily.NextAfter(Tokyo(2026, 3, 1))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 21, 30, 0, TimeSpan.Zero), first);
    }

    [Fact]
    public void Weekly_on_chosen_days_skips_the_others_and_the_excluded_dates()
    {
        var weekly = new BroadcastRecurrence(
            RecurrenceFrequency.Weekly, new TimeOnly(10, 0), new DateOnly(2026, 4, 1),
            Weekdays: [DayOfWeek.Monday, DayOfWeek.Thursday],
            ExcludedDates: [new DateOnly(2026, 4, 6)]);

        var dates = Occurrences(weekly, Tokyo(2026, 4, 1), 4).Select(o => DateOnly.FromDateTime(o.DateTime)).ToList();

        // 2026-04-02 is a Thursday; Monday 6 April is excluded.
        Assert.Equal([new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 9), new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 16)], dates);
    }

    [Fact]
    public void Monthly_on_the_31st_skips_months_without_one()
    {
        var monthly = new BroadcastRecurrence(RecurrenceFrequency.MonthlyOnDays, new TimeOnly(9, 0), new DateOnly(2026, 1, 1), DaysOfMonth: [31]);

        var months = Occurrences(monthly, Tokyo(2026, 1, 1), 4).Select(o => o.Month).ToList();

        Assert.Equal([1, 3, 5, 7], months);
    }

    [Fact]
    public void Monthly_on_the_second_Tuesday()
    {
        var recurrence = new BroadcastRecurrence(
            RecurrenceFrequency.MonthlyOnNthWeekday, new TimeOnly(9, 0), new DateOnly(2026, 1, 1), WeekOfMonth: 2, NthWeekday: DayOfWeek.Tuesday);

        var days = Occurrences(recurrence, Tokyo(2026, 1, 1), 3).Select(o => DateOnly.FromDateTime(o.DateTime)).ToList();

        Assert.Equal([new DateOnly(2026, 1, 13), new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10)], days);
    }

    [Fact]
    public void Monthly_on_the_last_Friday_and_a_fifth_Friday_only_where_there_is_one()
    {
        var last = new BroadcastRecurrence(
            RecurrenceFrequency.MonthlyOnNthWeekday, new TimeOnly(9, 0), new DateOnly(2026, 1, 1), WeekOfMonth: -1, NthWeekday: DayOfWeek.Friday);
        var fifth = last with { WeekOfMonth = 5 };

        var lastDays = Occurrences(last, Tokyo(2026, 1, 1), 3).Select(o => DateOnly.FromDateTime(o.DateTime)).ToList();
        var fifthDays = Occurrences(fifth, Tokyo(2026, 1, 1), 2).Select(o => DateOnly.FromDateTime(o.DateTime)).ToList();

        Assert.Equal([new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 27), new DateOnly(2026, 3, 27)], lastDays);
        Assert.Equal([new DateOnly(2026, 1, 30), new DateOnly(2026, 5, 29)], fifthDays);
    }

    [Fact]
    public void A_recurrence_ends_on_its_end_date()
    {
        var daily = new BroadcastRecurrence(RecurrenceFrequency.Daily, new TimeOnly(9, 0), new DateOnly(2026, 4, 1), EndsOn: new DateOnly(2026, 4, 2));

        var all = Occurrences(daily, Tokyo(2026, 3, 1), 10);

        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void The_first_send_of_a_schedule_starting_today_is_today_when_its_time_is_still_ahead()
    {
        var schedule = new SendRecurring(new BroadcastRecurrence(RecurrenceFrequency.Daily, new TimeOnly(17, 0), new DateOnly(2026, 4, 1)));

        var first = schedule.FirstOccurrence(Tokyo(2026, 4, 1, 16, 59))!.Value;

        Assert.Equal(Tokyo(2026, 4, 1, 17), first);
    }
}
