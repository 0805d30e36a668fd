using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>When a delivery goes out: at once, at a set time, or on a recurrence. Times are stored in UTC.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendNow), "now")]
[JsonDerivedType(typeof(SendAt), "at")]
[JsonDerivedType(typeof(SendRecurring), "recurring")]
public abstract record BroadcastSchedule
{
    public abstract bool IsRecurring { get; }

    /// <summary>The first send at or after <paramref name="now"/>; null when there is none.</summary>
    public abstract DateTimeOffset? FirstOccurrence(DateTimeOffset now);

    /// <summary>The send after <paramref name="occurrence"/>; null when the schedule has no more.</summary>
    public abstract DateTimeOffset? OccurrenceAfter(DateTimeOffset occurrence);

    internal abstract void Validate(DateTimeOffset now, List<string> problems);

    internal static string Serialize(BroadcastSchedule schedule) => JsonSerializer.Serialize(schedule, BroadcastContent.Json);

    internal static BroadcastSchedule Deserialize(string json) =>
        JsonSerializer.Deserialize<BroadcastSchedule>(json, BroadcastContent.Json) ?? new SendNow();
}

public sealed record SendNow : BroadcastSchedule
{
    public override bool IsRecurring => false;

    public override DateTimeOffset? FirstOccurrence(DateTimeOffset now) => now;

    public override DateTimeOffset? OccurrenceAfter(DateTimeOffset occurrence) => null;

    internal override void Validate(DateTimeOffset now, List<string> problems)
    {
    }
}

public sealed record SendAt(DateTimeOffset At) : BroadcastSchedule
{
    public override bool IsRecurring => false;

    public override DateTimeOffset? FirstOccurrence(DateTimeOffset now) => At.ToUniversalTime();

    public override DateTimeOffset? OccurrenceAfter(DateTimeOffset occurrence) => null;

    internal override void Validate(DateTimeOffset now, List<string> problems)
    {
        if (At <= now)
        {
            problems.Add("予約日時は現在より後にしてください。");
        }
    }
}

public sealed record SendRecurring(BroadcastRecurrence Recurrence) : BroadcastSchedule
{
    public override bool IsRecurring => true;

    public override DateTimeOffset? FirstOccurrence(DateTimeOffset now) => Recurrence.NextAfter(now - TimeSpan.FromTicks(1));

    public override DateTimeOffset? OccurrenceAfter(DateTimeOffset occurrence) => Recurrence.NextAfter(occurrence);

    internal override void Validate(DateTimeOffset now, List<string> problems)
    {
        var before = problems.Count;
        Recurrence.Validate(problems);
        if (problems.Count == before && FirstOccurrence(now) is null)
        {
            problems.Add("この繰り返し設定では配信日がありません。");
        }
    }
}

public enum RecurrenceFrequency
{
    Daily,

    /// <summary>On the chosen <see cref="BroadcastRecurrence.Weekdays"/>.</summary>
    Weekly,

    /// <summary>On the chosen <see cref="BroadcastRecurrence.DaysOfMonth"/>; a month without the day (31st) is skipped.</summary>
    MonthlyOnDays,

    /// <summary>On the <see cref="BroadcastRecurrence.WeekOfMonth"/>th <see cref="BroadcastRecurrence.NthWeekday"/> (-1: the last).</summary>
    MonthlyOnNthWeekday,
}

/// <summary>
/// A recurring schedule in Japan's calendar: dates and the time of day are Asia/Tokyo, which has had no
/// daylight saving since 1951, so every occurrence is that wall time at +09:00.
/// </summary>
public sealed record BroadcastRecurrence(
    RecurrenceFrequency Frequency,
    TimeOnly TimeOfDay,
    DateOnly StartsOn,
    DateOnly? EndsOn = null,
    IReadOnlyList<DayOfWeek>? Weekdays = null,
    IReadOnlyList<int>? DaysOfMonth = null,
    int? WeekOfMonth = null,
    DayOfWeek? NthWeekday = null,
    IReadOnlyList<DateOnly>? ExcludedDates = null)
{
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    // A day-of-month schedule on the 31st still meets a date within a year; beyond this there is none.
    private const int SearchDays = 366 * 5;

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC; null when the schedule has ended.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var localAfter = after.ToOffset(JapanOffset);
        var date = DateOnly.FromDateTime(localAfter.DateTime);
        if (date < StartsOn)
        {
            date = StartsOn;
        }

        for (var i = 0; i < SearchDays; i++, date = date.AddDays(1))
        {
            if (EndsOn is { } end && date > end)
            {
                return null;
            }

            if (!Matches(date) || (ExcludedDates?.Contains(date) ?? false))
            {
                continue;
            }

            var occurrence = new DateTimeOffset(date.ToDateTime(TimeOfDay), JapanOffset);
            if (occurrence > after)
            {
                return occurrence.ToUniversalTime();
            }
        }

        return null;
    }

    private bool Matches(DateOnly date) => Frequency switch
    {
        RecurrenceFrequency.Daily => true,
        RecurrenceFrequency.Weekly => Weekdays?.Contains(date.DayOfWeek) ?? false,
        RecurrenceFrequency.MonthlyOnDays => DaysOfMonth?.Contains(date.Day) ?? false,
        RecurrenceFrequency.MonthlyOnNthWeekday => date.DayOfWeek == NthWeekday && IsNthOfMonth(date),
        _ => false,
    };

    private bool IsNthOfMonth(DateOnly date) => WeekOfMonth switch
    {
        -1 => date.AddDays(7).Month != date.Month,
        { } n => (date.Day - 1) / 7 + 1 == n,
        null => false,
    };

    internal void Validate(List<string> problems)
    {
        if (EndsOn is { } end && end < StartsOn)
        {
            problems.Add("繰り返しの終了日は開始日以降にしてください。");
        }

        switch (Frequency)
        {
            case RecurrenceFrequency.Weekly when Weekdays is not { Count: > 0 }:
                problems.Add("毎週の配信では曜日を 1 つ以上選んでください。");
                break;
            case RecurrenceFrequency.MonthlyOnDays when DaysOfMonth is not { Count: > 0 } || DaysOfMonth.Any(d => d is < 1 or > 31):
                problems.Add("毎月の配信では 1 日から 31 日の日付を 1 つ以上選んでください。");
                break;
            case RecurrenceFrequency.MonthlyOnNthWeekday when WeekOfMonth is not (>= 1 and <= 5 or -1) || NthWeekday is null:
                problems.Add("毎月第 n 曜日の配信では、第 1〜第 5 または最終と、曜日を選んでください。");
                break;
        }
    }
}
