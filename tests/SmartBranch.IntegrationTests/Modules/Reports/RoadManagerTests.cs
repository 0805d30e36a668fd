using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>
/// Reports on roads the city does not manage: the resident is told who does (national roads: #9910), the case shows the
/// manager, and staff forward it by e-mail with the photo and place, kept in the case's history.
/// </summary>
public abstract partial class RoadManagerTests(ReportsBed fixture)
{
    /// <summary>On 国道7号 (碇ヶ関), inside the city.</summary>
    private const double NationalRoadLatitude = 40.5000;
    private const double NationalRoadLongitude = 140.6150;

    [Fact]
    public async Task A_report_on_a_national_road_tells_the_resident_of_9910_and_staff_forward_it_with_photo_and_place()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();

        await scenario.SendTextAsync(resident, "通報");
        await scenario.TapAsync(resident, "reports:category:road");
        await scenario.SendPhotoAsync(resident);
        await scenario.SendLocationAsync(resident, NationalRoadLatitude, NationalRoadLongitude);
        var confirmation = ReportScenario.Json((await scenario.SendTextAsync(resident, "路肩が崩れています"))["contents"]!);
        Assert.Contains("この場所は国道7号で、国土交通省 東北地方整備局 青森河川国道事務所が管理しています。", confirmation, StringComparison.Ordinal);
        var receipt = ReportScenario.Text(await scenario.TapAsync(resident, "reports:submit"));
        Assert.Contains("この場所は国道7号で、国土交通省 東北地方整備局 青森河川国道事務所が管理しています。市から管理者へお伝えします。", receipt, StringComparison.Ordinal);
        Assert.Contains("道路緊急ダイヤル #9910 へ直接お電話ください。", receipt, StringComparison.Ordinal);

        var report = await scenario.CaseAsync(ReceiptNumber().Match(receipt).Value);
        Assert.Equal(("mlit-aomori", "国道7号", "doboku"), (report.RoadManagerKey, report.Road, report.DepartmentKey));
        var opened = await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>().OpenAsync(report.Id, CancellationToken.None));
        Assert.Equal(
            new ReportRoadManagerView("国土交通省 東北地方整備局 青森河川国道事務所", "国道7号", "道路緊急ダイヤル #9910", "doro-kanri@aomori-kokudo.example"),
            opened.RoadManager);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(ReportScenario.RoadViewer, s =>
            s.GetRequiredService<RoadManagerForwarding>().ForwardAsync(report.Id, null, CancellationToken.None)));
        await scenario.AsAsync(ReportScenario.RoadStaff, s =>
            s.GetRequiredService<RoadManagerForwarding>().ForwardAsync(report.Id, "現地は片側通行になっています", CancellationToken.None));

        var mail = Assert.Single(fixture.Emails.Sent, m => m.To == "doro-kanri@aomori-kokudo.example" && m.Subject.Contains(report.ReceiptNumber, StringComparison.Ordinal));
        Assert.Equal($"【検証環境】[平川市 通報の転送] {report.ReceiptNumber} 道路の損傷（国道7号）", mail.Subject);
        Assert.Contains("場所: 緯度 40.500000、経度 140.615000", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://www.openstreetmap.org/?mlat=40.500000&mlon=140.615000", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("状況（通報者のコメント）: 路肩が崩れています", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("平川市より: 現地は片側通行になっています", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(resident, mail.TextBody, StringComparison.Ordinal);
        var photo = Assert.Single(mail.Attachments);
        Assert.Equal(($"{report.ReceiptNumber}.jpg", "image/jpeg"), (photo.FileName, photo.ContentType));
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, photo.Content[..2]);

        var history = await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>().OpenAsync(report.Id, CancellationToken.None));
        var forwarded = Assert.Single(history.History, h => h.ForwardedTo is not null);
        Assert.Equal(("国土交通省 東北地方整備局 青森河川国道事務所 <doro-kanri@aomori-kokudo.example>", "現地は片側通行になっています", "職員 doboku-1"),
            (forwarded.ForwardedTo, forwarded.Note, forwarded.StaffName));
        var audited = await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == report.Id.ToString() && e.Action == "reports.case.forwarded").CountAsync());
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_prefectural_road_names_its_office_while_a_park_there_or_a_city_road_stays_the_citys_and_cannot_be_forwarded()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();

        var prefectural = await scenario.ReportAsync(resident, "road", 40.6100, 140.5600);
        Assert.Contains("この場所は県道13号 弘前田舎館黒石線で、青森県 中南地域県民局 地域整備部が管理しています。", prefectural, StringComparison.Ordinal);
        Assert.Contains("0172-00-0000 へ直接お電話ください。", prefectural, StringComparison.Ordinal);

        var park = await scenario.ReportAsync(resident, "park", NationalRoadLatitude, NationalRoadLongitude);
        Assert.DoesNotContain("管理しています", park, StringComparison.Ordinal);
        Assert.Null((await scenario.CaseAsync(ReceiptNumber().Match(park).Value)).RoadManagerKey);

        var cityRoad = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(resident, "road", 40.5930, 140.5300)).Value);
        Assert.Null(cityRoad.RoadManagerKey);
        var refused = await Assert.ThrowsAsync<ReportRuleException>(() => scenario.AsAsync(ReportScenario.RoadStaff, s =>
            s.GetRequiredService<RoadManagerForwarding>().ForwardAsync(cityRoad.Id, null, CancellationToken.None)));
        Assert.Equal("この通報は市が管理する道路の通報なので、転送先がありません。", refused.Message);
    }

    [GeneratedRegex(@"R-\d{4}-\d{6}")]
    private static partial Regex ReceiptNumber();
}

public sealed class SqliteRoadManagerTests(SqliteReportsBed fixture) : RoadManagerTests(fixture), IClassFixture<SqliteReportsBed>;

public sealed class PostgresRoadManagerTests(PostgresReportsBed fixture) : RoadManagerTests(fixture), IClassFixture<PostgresReportsBed>;
