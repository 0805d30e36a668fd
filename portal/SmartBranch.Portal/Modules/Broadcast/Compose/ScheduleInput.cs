using SmartBranch.Kernel;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;

namespace SmartBranch.Portal.Modules.Broadcast.Compose;

/// <summary>When a delivery goes out, as staff enter it: dates and times in Japan time, stored in UTC.</summary>
public sealed class ScheduleInput
{
    public BroadcastScheduleKind Kind { get; set; } = BroadcastScheduleKind.Now;

    public DateOnly? AtDate { get; set; }

    public TimeOnly? AtTime { get; set; }

    public RecurrenceFrequency Frequency { get; set; } = RecurrenceFrequency.Daily;

    public TimeOnly? TimeOfDay { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public HashSet<DayOfWeek> Weekdays { get; set; } = [];

    public HashSet<int> DaysOfMonth { get; set; } = [];

    /// <summary>1 to 5, or -1 for the last.</summary>
    public int WeekOfMonth { get; set; } = 1;

    public DayOfWeek NthWeekday { get; set; } = DayOfWeek.Monday;

    public List<DateOnly> ExcludedDates { get; } = [];

    public DateOnly? ValidUntilDate { get; set; }

    public TimeOnly? ValidUntilTime { get; set; }

    public static ScheduleInput From(BroadcastSchedule schedule, DateTimeOffset? validUntil)
    {
        var input = From(schedule switch
        {
            SendAt => BroadcastScheduleKind.At,
            SendRecurring => BroadcastScheduleKind.Recurring,
            _ => BroadcastScheduleKind.Now,
        }, (schedule as SendRecurring)?.Recurrence);
        if (schedule is SendAt at)
        {
            (input.AtDate, input.AtTime) = Split(at.At);
        }

        if (validUntil is { } until)
        {
            (input.ValidUntilDate, input.ValidUntilTime) = Split(until);
        }

        return input;
    }

    public static ScheduleInput From(BroadcastScheduleKind kind, BroadcastRecurrence? recurrence)
    {
        var input = new ScheduleInput { Kind = kind };
        if (recurrence is not null)
        {
            input.Frequency = recurrence.Frequency;
            input.TimeOfDay = recurrence.TimeOfDay;
            input.StartsOn = recurrence.StartsOn;
            input.EndsOn = recurrence.EndsOn;
            input.Weekdays = [.. recurrence.Weekdays ?? []];
            input.DaysOfMonth = [.. recurrence.DaysOfMonth ?? []];
            input.WeekOfMonth = recurrence.WeekOfMonth ?? 1;
            input.NthWeekday = recurrence.NthWeekday ?? DayOfWeek.Monday;
            input.ExcludedDates.AddRange(recurrence.ExcludedDates ?? []);
        }

        return input;
    }

    /// <summary>The schedule, or the key of the text saying which input is missing.</summary>
    public (BroadcastSchedule? Schedule, string? MissingKey) ToSchedule() => Kind switch
    {
        BroadcastScheduleKind.At when AtDate is { } date && AtTime is { } time => (new SendAt(InJapan(date, time)), null),
        BroadcastScheduleKind.At => (null, "AtMissing"),
        BroadcastScheduleKind.Recurring when TimeOfDay is { } time && StartsOn is { } start => (new SendRecurring(new BroadcastRecurrence(
            Frequency,
            time,
            start,
            EndsOn,
            Frequency == RecurrenceFrequency.Weekly ? [.. Weekdays.Order()] : null,
            Frequency == RecurrenceFrequency.MonthlyOnDays ? [.. DaysOfMonth.Order()] : null,
            Frequency == RecurrenceFrequency.MonthlyOnNthWeekday ? WeekOfMonth : null,
            Frequency == RecurrenceFrequency.MonthlyOnNthWeekday ? NthWeekday : null,
            ExcludedDates.Count > 0 ? [.. ExcludedDates.Order()] : null)), null),
        BroadcastScheduleKind.Recurring => (null, "RecurrenceMissing"),
        _ => (new SendNow(), null),
    };

    /// <summary>The valid-until time in UTC, or the key of the text saying it is half entered.</summary>
    public (DateTimeOffset? ValidUntil, string? MissingKey) ToValidUntil() => (ValidUntilDate, ValidUntilTime) switch
    {
        (null, null) => (null, null),
        ({ } date, { } time) => (InJapan(date, time), null),
        _ => (null, "ValidUntilIncomplete"),
    };

    private static DateTimeOffset InJapan(DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), JapanTime.Offset).ToUniversalTime();

    private static (DateOnly, TimeOnly) Split(DateTimeOffset time)
    {
        var local = JapanTime.From(time);
        return (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
    }
}
