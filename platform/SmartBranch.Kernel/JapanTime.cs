using System.Globalization;

namespace SmartBranch.Kernel;

/// <summary>
/// Japan Standard Time, in which staff see and enter times (times are stored in UTC). Japan has kept
/// +09:00 without daylight saving since 1951, so a fixed offset is exact and needs no time-zone
/// database on the server.
/// </summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset From(DateTimeOffset time) => time.ToOffset(Offset);

    /// <summary>The moment a Japanese calendar day begins, in UTC as times are stored (PostgreSQL takes no other offset).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>A wall-clock time in Japan (as a form enters it), in UTC as times are stored.</summary>
    public static DateTimeOffset ToUtc(DateTime japanWallClock) =>
        new DateTimeOffset(DateTime.SpecifyKind(japanWallClock, DateTimeKind.Unspecified), Offset).ToUniversalTime();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(From(clock.GetUtcNow()).DateTime);

    /// <summary><c>2026-04-01 09:00:00</c>, the same in every language: records (the audit log, exports).</summary>
    public static string Format(DateTimeOffset time) => From(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>2026/04/01 09:30</c>, as a Japanese office writes it: screens.</summary>
    public static string Display(DateTimeOffset time) => From(time).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
}
