using SmartBranch.Kernel;

namespace SmartBranch.Server.Backups;

/// <summary>
/// Which backups to keep: the newest of each of the last <c>Daily</c> days, <c>Weekly</c> ISO weeks and
/// <c>Monthly</c> months that have one (in Japan time, as staff count days). Everything else may go.
/// </summary>
internal static class BackupRetentionPolicy
{
    public static IReadOnlyList<BackupFile> Expired(IReadOnlyList<BackupFile> backups, BackupRetention retention)
    {
        var newestFirst = backups.OrderByDescending(b => b.CreatedAt).ToList();
        var keep = new HashSet<BackupFile>();
        Keep(newestFirst, b => Local(b).Date, retention.Daily, keep);
        Keep(newestFirst, b => (System.Globalization.ISOWeek.GetYear(Local(b)), System.Globalization.ISOWeek.GetWeekOfYear(Local(b))), retention.Weekly, keep);
        Keep(newestFirst, b => (Local(b).Year, Local(b).Month), retention.Monthly, keep);
        return newestFirst.Where(b => !keep.Contains(b)).ToList();
    }

    private static void Keep<TPeriod>(List<BackupFile> newestFirst, Func<BackupFile, TPeriod> period, int count, HashSet<BackupFile> keep) =>
        keep.UnionWith(newestFirst.GroupBy(period).Take(count).Select(g => g.First()));

    private static DateTime Local(BackupFile backup) => JapanTime.From(backup.CreatedAt).DateTime;
}
