using System.Globalization;

namespace SmartBranch.Portal.Shell;

/// <summary>Times are stored in UTC and shown as the clock on a Japanese city office's wall reads.</summary>
public static class TokyoTime
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary><c>2026/04/01 09:30</c> in Japan Standard Time, whatever the server's own time zone.</summary>
    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Tokyo).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
}
