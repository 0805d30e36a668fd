using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>Staff of the right department open a case, move it to 完了, and the resident is told in LINE.</summary>
public abstract partial class ReportCaseHandlingTests(ReportsBed fixture)
{
    [Fact]
    public async Task Staff_close_a_case_with_an_internal_note_and_the_resident_is_told_each_change_but_never_the_note()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();
        var number = ReceiptNumber().Match(await scenario.ReportAsync(resident, "road", 40.5900, 140.6000, "ガードレールが曲がっています")).Value;
        var report = await scenario.CaseAsync(number);

        var listed = await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportInbox>().SearchAsync(
            new ReportInboxFilter(ReportStatus.Received, "road"), 1, CancellationToken.None));
        Assert.Contains(listed.Cases, c => c.Id == report.Id && c.Category == "道路の損傷" && c.Department == "土木課");

        var opened = await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>().OpenAsync(report.Id, CancellationToken.None));
        Assert.Equal(("ガードレールが曲がっています", 40.5900, 140.6000), (opened.Comment, opened.Latitude, opened.Longitude));

        var inboxBefore = (await bed.InboxAsync(resident)).Count;
        await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>()
            .ChangeStatusAsync(report.Id, ReportStatus.InProgress, "業者Aに修繕を依頼（内部）", CancellationToken.None));
        var started = ReportScenario.Text(await scenario.MessageAfterAsync(resident, inboxBefore));
        Assert.Equal($"通報（受付番号 {number}）について、担当課が対応を始めました。", started);

        await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>()
            .ChangeStatusAsync(report.Id, ReportStatus.Completed, null, CancellationToken.None));
        var completed = ReportScenario.Text(await scenario.MessageAfterAsync(resident, inboxBefore + 1));
        Assert.Equal($"通報（受付番号 {number}）の対応が完了しました。ご協力ありがとうございました。", completed);

        var everything = string.Join("\n", (await bed.InboxAsync(resident)).Select(m => ReportScenario.Json(m["message"]!)));
        Assert.DoesNotContain("業者A", everything, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<ReportRuleException>(() => scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>()
            .ChangeStatusAsync(report.Id, ReportStatus.InProgress, null, CancellationToken.None)));
        Assert.Equal("「完了」の案件は「対応中」にできません。", refused.Message);

        var history = await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>().OpenAsync(report.Id, CancellationToken.None));
        Assert.Equal(
            new (ReportStatus?, ReportStatus?, string?)[]
            {
                (null, ReportStatus.Received, null),
                (ReportStatus.Received, ReportStatus.InProgress, "業者Aに修繕を依頼（内部）"),
                (ReportStatus.InProgress, ReportStatus.Completed, null),
            },
            history.History.Select(h => (h.FromStatus, h.ToStatus, h.Note)));

        var audited = await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == report.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(2, audited.Count(a => a == "reports.case.viewed"));
        Assert.Equal(2, audited.Count(a => a == "reports.case.status_changed"));
    }

    [Fact]
    public async Task Staff_see_only_their_departments_reports_unless_they_may_see_all_and_viewers_cannot_change_them()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();
        var report = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(resident, "streetlight", 40.5700, 140.7000)).Value);

        var otherDepartment = await scenario.AsAsync(ReportScenario.EnvironmentStaff, s => s.GetRequiredService<ReportInbox>().SearchAsync(
            new ReportInboxFilter(), 1, CancellationToken.None));
        Assert.DoesNotContain(otherDepartment.Cases, c => c.Id == report.Id);
        await Assert.ThrowsAsync<ReportRuleException>(() => scenario.AsAsync(ReportScenario.EnvironmentStaff, s =>
            s.GetRequiredService<ReportCaseDesk>().OpenAsync(report.Id, CancellationToken.None)));

        var admin = await scenario.AsAsync(ReportScenario.Admin, s => s.GetRequiredService<ReportInbox>().SearchAsync(
            new ReportInboxFilter(DepartmentKey: "doboku"), 1, CancellationToken.None));
        Assert.Contains(admin.Cases, c => c.Id == report.Id);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(ReportScenario.RoadViewer, s => s.GetRequiredService<ReportCaseDesk>()
            .ChangeStatusAsync(report.Id, ReportStatus.Completed, null, CancellationToken.None)));
        Assert.Equal(ReportStatus.Received, (await scenario.CaseAsync(report.ReceiptNumber)).Status);
    }

    [GeneratedRegex(@"R-\d{4}-\d{6}")]
    private static partial Regex ReceiptNumber();
}

public sealed class SqliteReportCaseHandlingTests(SqliteReportsBed fixture) : ReportCaseHandlingTests(fixture), IClassFixture<SqliteReportsBed>;

public sealed class PostgresReportCaseHandlingTests(PostgresReportsBed fixture) : ReportCaseHandlingTests(fixture), IClassFixture<PostgresReportsBed>;
