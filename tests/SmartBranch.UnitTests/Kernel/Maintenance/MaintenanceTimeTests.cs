using SmartBranch.Kernel.Maintenance;

namespace SmartBranch.UnitTests.Kernel.Maintenance;

public sealed class MaintenanceTimeTests
{
    private static DateTimeOffset Japan(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData(12, 20, 22, 12, 21, 2, "12月20日(日) 22:00〜翌2:00")]
    [InlineData(12, 20, 9, 12, 20, 17, "12月20日(日) 9:00〜17:00")]
    [InlineData(12, 31, 22, 1, 2, 6, "12月31日(木) 22:00〜1月2日(土) 6:00")]
    public void A_window_reads_as_a_Japanese_notice_writes_it(int startMonth, int startDay, int startHour, int endMonth, int endDay, int endHour, string expected)
    {
        var end = new DateTimeOffset(endMonth < startMonth ? 2027 : 2026, endMonth, endDay, endHour, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal(expected, MaintenanceTime.Describe(Japan(startMonth, startDay, startHour).ToUniversalTime(), end.ToUniversalTime()));
    }

    [Fact]
    public void Until_names_the_day_and_time_in_Japan_whatever_the_stored_offset()
    {
        Assert.Equal("12月21日(月) 2:30", MaintenanceTime.Until(new DateTimeOffset(2026, 12, 20, 17, 30, 0, TimeSpan.Zero)));
    }
}
