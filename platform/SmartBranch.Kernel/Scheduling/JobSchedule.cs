using System.Globalization;
using Quartz;

namespace SmartBranch.Kernel.Scheduling;

/// <summary>
/// When a scheduled job runs. Times of day are Japan time. Every process computes the same fire times, so a
/// process that declares the schedule again at start (replacing the stored trigger) neither repeats nor skips one.
/// </summary>
public sealed class JobSchedule
{
    private readonly Func<JobKey, TimeProvider, ITrigger> _trigger;

    private JobSchedule(string description, Func<JobKey, TimeProvider, ITrigger> trigger)
    {
        Description = description;
        _trigger = trigger;
    }

    /// <summary>How the schedule reads, for logs and the operations guide.</summary>
    public string Description { get; }

    /// <summary>At every whole multiple of <paramref name="interval"/> since the Unix epoch (every minute on the minute).</summary>
    public static JobSchedule Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        return new($"every {interval}", (job, clock) =>
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var step = (long)interval.TotalMilliseconds;
            var first = DateTimeOffset.FromUnixTimeMilliseconds((now / step + 1) * step);
            return TriggerBuilder.Create(clock).WithIdentity(job.Name, job.Group).ForJob(job).StartAt(first)
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever())
                .Build();
        });
    }

    /// <summary>Once a day at <paramref name="timeOfDay"/>, Japan time.</summary>
    public static JobSchedule DailyAt(TimeSpan timeOfDay)
    {
        var utc = ToUtc(timeOfDay, DayOfWeek.Sunday);
        return Cron($"daily at {timeOfDay:hh\\:mm} JST", $"0 {utc.Time.Minutes} {utc.Time.Hours} * * ?");
    }

    /// <summary>Once a week on <paramref name="day"/> at <paramref name="timeOfDay"/>, Japan time.</summary>
    public static JobSchedule WeeklyAt(DayOfWeek day, TimeSpan timeOfDay)
    {
        var utc = ToUtc(timeOfDay, day);
        return Cron(
            $"{day}s at {timeOfDay:hh\\:mm} JST",
            $"0 {utc.Time.Minutes} {utc.Time.Hours} ? * {(int)utc.Day + 1}");
    }

    internal ITrigger TriggerFor(JobKey job, TimeProvider clock) => _trigger(job, clock);

    // Japan keeps no daylight saving time, so Japan time is UTC+9 all year and the cron expression is written in UTC:
    // the schedule then needs no time-zone database on the host.
    private static JobSchedule Cron(string description, string expression) => new(description, (job, clock) =>
        TriggerBuilder.Create(clock).WithIdentity(job.Name, job.Group).ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(expression).InTimeZone(TimeZoneInfo.Utc))
            .Build());

    private static (DayOfWeek Day, TimeSpan Time) ToUtc(TimeSpan japanTimeOfDay, DayOfWeek japanDay)
    {
        if (japanTimeOfDay < TimeSpan.Zero || japanTimeOfDay >= TimeSpan.FromDays(1) || japanTimeOfDay.Seconds != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(japanTimeOfDay), japanTimeOfDay.ToString(null, CultureInfo.InvariantCulture), "A time of day in whole minutes is expected.");
        }

        var utc = japanTimeOfDay - JapanTime.Offset;
        return utc < TimeSpan.Zero
            ? ((DayOfWeek)(((int)japanDay + 6) % 7), utc + TimeSpan.FromDays(1))
            : (japanDay, utc);
    }
}
