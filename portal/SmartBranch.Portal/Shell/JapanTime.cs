using System.Globalization;

namespace SmartBranch.Portal.Shell;

/// <summary>Times are stored in UTC and shown in Japan Standard Time, which has no daylight saving.</summary>
public static class JapanTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>For example <c>2026/04/01 09:30 (JST)</c>, the same in both languages.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture) + " (JST)";
}
