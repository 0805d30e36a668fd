using System.Globalization;

namespace SmartBranch.Kernel.Maintenance;

/// <summary>A window's time as Japanese notices write it: <c>12月20日(日) 22:00〜翌2:00</c>.</summary>
public static class MaintenanceTime
{
    private static readonly string[] DaysOfWeek = ["日", "月", "火", "水", "木", "金", "土"];

    public static string Describe(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var (start, end) = (JapanTime.From(startsAt), JapanTime.From(endsAt));
        var endText = (end.Date - start.Date).Days switch
        {
            0 => Clock(end),
            1 => "翌" + Clock(end),
            _ => $"{Day(end)} {Clock(end)}",
        };
        return $"{Day(start)} {Clock(start)}〜{endText}";
    }

    /// <summary>Until when, for a page shown during the window: <c>12月21日(月) 2:00</c>.</summary>
    public static string Until(DateTimeOffset endsAt)
    {
        var end = JapanTime.From(endsAt);
        return $"{Day(end)} {Clock(end)}";
    }

    private static string Day(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Month}月{time.Day}日({DaysOfWeek[(int)time.DayOfWeek]})");

    private static string Clock(DateTimeOffset time) => time.ToString("H:mm", CultureInfo.InvariantCulture);
}
