using Quartz;
using SmartBranch.Kernel.Scheduling;

namespace SmartBranch.UnitTests.Kernel.Scheduling;

public sealed class JobScheduleTests
{
    private static readonly JobKey Job = new("job", "test");

    // 2026-04-01 (a Wednesday) 10:00:20 in Japan.
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 10, 0, 20, TimeSpan.FromHours(9));

    [Fact]
    public void A_daily_job_runs_at_its_time_of_day_in_Japan()
    {
        var next = NextAfter(JobSchedule.DailyAt(new TimeSpan(3, 0, 0)), Now);

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 3, 0, 0, TimeSpan.FromHours(9)), next);
    }

    [Fact]
    public void A_weekly_job_runs_on_its_Japanese_day_even_when_that_is_the_day_before_in_UTC()
    {
        var next = NextAfter(JobSchedule.WeeklyAt(DayOfWeek.Monday, new TimeSpan(8, 30, 0)), Now);

        Assert.Equal(new DateTimeOffset(2026, 4, 6, 8, 30, 0, TimeSpan.FromHours(9)), next);
        Assert.Equal(DayOfWeek.Sunday, next.UtcDateTime.DayOfWeek);
    }

    [Fact]
    public void An_interval_job_runs_on_whole_multiples_of_its_interval_so_every_worker_computes_the_same_times()
    {
        var schedule = JobSchedule.Every(TimeSpan.FromMinutes(1));

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 10, 1, 0, TimeSpan.FromHours(9)), NextAfter(schedule, Now));
        Assert.Equal(NextAfter(schedule, Now), NextAfter(schedule, Now.AddSeconds(30)));
    }

    [Fact]
    public void A_time_of_day_must_be_whole_minutes_within_the_day()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSchedule.DailyAt(TimeSpan.FromHours(24)));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSchedule.DailyAt(new TimeSpan(3, 0, 30)));
    }

    private static DateTimeOffset NextAfter(JobSchedule schedule, DateTimeOffset now)
    {
        var trigger = schedule.TriggerFor(Job, new FixedClock(now));
        return trigger.GetFireTimeAfter(now)!.Value.ToOffset(TimeSpan.FromHours(9));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
