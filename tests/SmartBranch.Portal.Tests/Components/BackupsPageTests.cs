using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Kernel.Backups;
using SmartBranch.Portal.Ops.Backups;

namespace SmartBranch.Portal.Tests.Components;

public sealed class BackupsPageTests : PortalComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 4, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_latest_backup_and_drill_show_in_japan_time_with_their_size_store_and_age()
    {
        var drill = new RestoreDrillRun
        {
            StartedAt = Now.AddHours(-19), BackupName = "smartbranch-postgres-20260407T030000Z.sbbk", DurationMilliseconds = 42_500, Succeeded = true,
        };
        var page = RenderWith(new BackupState(
            "s3://hirakawa-backups/db/", new BackupSummary("smartbranch-postgres-20260407T180000Z.sbbk", Now.AddHours(-6), 12_345_678), null, drill,
            TimeSpan.FromHours(26), TimeSpan.FromDays(8)));

        var backup = page.Find("table.last-backup").TextContent;
        Assert.Contains("2026/04/08 03:00", backup);
        Assert.Contains("6 時間前", backup);
        Assert.Contains("12,345,678 バイト", backup);
        Assert.Contains("s3://hirakawa-backups/db/", backup);
        var run = page.Find("table.last-drill").TextContent;
        Assert.Contains("成功", run);
        Assert.Contains("2026/04/07 14:00", run);
        Assert.Contains("42.5 秒", run);
        Assert.Empty(page.FindAll("[role=alert]"));
    }

    [Fact]
    public void An_old_backup_a_failed_attempt_and_a_failed_drill_are_shown_as_warnings()
    {
        var drill = new RestoreDrillRun { StartedAt = Now.AddDays(-1), BackupName = null, Succeeded = false, FailureReason = "バックアップが 1 つもありません。" };
        var page = RenderWith(new BackupState(
            "/srv/backups", new BackupSummary("smartbranch-sqlite-20260406T180000Z.sbbk", Now.AddHours(-30), 2048), Now.AddHours(-3), drill,
            TimeSpan.FromHours(26), TimeSpan.FromDays(8)));

        Assert.Contains("2026/04/08 06:00", page.Find(".backup-failed").TextContent);
        Assert.Contains("26 時間", page.Find(".backup-old").TextContent);
        Assert.NotNull(page.Find("table.last-backup tr.row-warn"));
        Assert.NotNull(page.Find(".drill-failed"));
        Assert.Contains("バックアップが 1 つもありません。", page.Find("table.last-drill tr.row-alarm").TextContent);
    }

    [Fact]
    public void Without_any_backup_or_drill_the_page_says_so()
    {
        var page = RenderWith(new BackupState("/srv/backups", null, null, null, TimeSpan.FromHours(26), TimeSpan.FromDays(8)));

        Assert.Equal("バックアップがまだありません。", page.Find(".backup-none").TextContent);
        Assert.Contains("restore-drill", page.Find(".drill-none").TextContent);
    }

    private IRenderedComponent<BackupsPage> RenderWith(BackupState state)
    {
        Services.AddSingleton<IBackupOverview>(new FixedBackupOverview(state));
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        return Render<BackupsPage>();
    }

    private sealed class FixedBackupOverview(BackupState state) : IBackupOverview
    {
        public Task<BackupState> GetAsync(CancellationToken cancellationToken) => Task.FromResult(state);
    }
}
