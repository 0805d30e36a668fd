using SmartBranch.Server.Backups;

namespace SmartBranch.IntegrationTests.Operations;

public sealed class BackupRetentionPolicyTests
{
    [Fact]
    public void Keeps_the_newest_of_each_recent_day_week_and_month_and_nothing_else()
    {
        // Two backups a day (03:00 and 15:00 JST) for 400 days.
        var newest = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
        var backups = Enumerable.Range(0, 800)
            .Select(i => newest.AddHours(-12 * i))
            .Select(at => new BackupFile($"smartbranch-sqlite-{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.sbbk", "sqlite", at, 1))
            .ToList();

        var expired = BackupRetentionPolicy.Expired(backups, new BackupRetention { Daily = 14, Weekly = 8, Monthly = 12 });
        var kept = backups.Except(expired).ToList();

        Assert.Contains(backups[0], kept);
        Assert.DoesNotContain(backups[1], kept); // the same day's earlier backup
        Assert.InRange(kept.Count, 14, 14 + 8 + 12);
        Assert.Equal(14, kept.Select(b => SmartBranch.Kernel.JapanTime.From(b.CreatedAt).Date).Count(d => d > newest.AddDays(-14).Date));
        Assert.True(kept.Min(b => b.CreatedAt) < newest.AddDays(-300), "a monthly backup from about a year ago");
        Assert.True(kept.Min(b => b.CreatedAt) > newest.AddDays(-370), "nothing older than twelve months");
    }
}
