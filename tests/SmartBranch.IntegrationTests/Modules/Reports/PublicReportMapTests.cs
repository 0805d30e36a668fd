using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.Modules.Reports.Features.PublicMap;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>The public status map as anyone opens it, without sign-in: Hirakawa publishes one, the other city does not.</summary>
public abstract partial class PublicReportMapTests(ReportsBed fixture)
{
    private const string MapPath = "/r/hirakawa/staging/reports/map";

    [Fact]
    public async Task A_city_that_has_not_chosen_a_public_map_answers_404_and_hirakawas_is_public_briefly_cacheable_and_allows_only_its_tile_host()
    {
        var bed = await fixture.GetAsync();
        using var anyone = new Browser(bed.App.Address);

        var other = await anyone.GetAsync("/r/othercity/staging/reports/map");
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Contains("この自治体は通報の地図を公開していません。", other.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        using var otherPhoto = await anyone.Client.GetAsync("/r/othercity/staging/reports/map/photos/R-2026-000001");
        Assert.Equal(HttpStatusCode.NotFound, otherPhoto.StatusCode);

        var page = await anyone.GetAsync(MapPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("public, max-age=60", page.Response.Headers.CacheControl!.ToString());
        var policy = Assert.Single(page.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: https://cyberjapandata.gsi.go.jp;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script[src*='liff']"));
        Assert.Equal("ja", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.Document.QuerySelector("label[for=public-report-category]"));
        Assert.NotNull(page.Document.QuerySelector("label[for=public-report-status]"));

        var map = page.Document.QuerySelector("#public-report-map")!;
        Assert.Equal("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png", map.GetAttribute("data-tile-url"));
        var assets = new[] { map.GetAttribute("data-leaflet")! }
            .Concat(page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .Concat(page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!));
        foreach (var asset in assets)
        {
            using var response = await anyone.Client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_map_lists_category_status_day_and_a_coarse_place_and_nothing_personal_and_leaves_declined_reports_out()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();
        var receipt = await scenario.ReportAsync(resident, "road", 40.58412, 140.56681, "隣の田中さんの家の前です");
        Assert.Contains(MapPath, receipt, StringComparison.Ordinal);
        var shown = await scenario.CaseAsync(ReceiptNumber().Match(receipt).Value);
        var declined = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(resident, "road", 40.5900, 140.6000)).Value);
        await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>()
            .ChangeStatusAsync(declined.Id, ReportStatus.Declined, "重複のため（業者Aの確認済み）", CancellationToken.None));
        await scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>()
            .ChangeStatusAsync(shown.Id, ReportStatus.InProgress, "業者Aに依頼（内部）", CancellationToken.None));
        using var anyone = new Browser(bed.App.Address);

        var page = await anyone.GetAsync(MapPath);

        var item = Item(page, shown.ReceiptNumber)!;
        Assert.Null(Item(page, declined.ReceiptNumber));
        var (latitude, longitude) = (double.Parse(item.GetAttribute("data-lat")!, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(item.GetAttribute("data-lon")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual((shown.Latitude, shown.Longitude), (latitude, longitude));
        Assert.InRange(Metres(shown.Latitude, shown.Longitude, latitude, longitude), 1, 71);
        var day = JapanTime.From(shown.ReportedAt).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"道路の損傷 対応中{day} 受付・平賀付近・受付番号 {shown.ReceiptNumber}".Replace(" ", "", StringComparison.Ordinal),
            Regex.Replace(item.TextContent, @"\s", ""));
        foreach (var personal in new[] { "田中", "業者A", "重複のため", shown.ReporterLineUserId!, shown.PhotoId!, shown.Id.ToString(), "職員" })
        {
            Assert.DoesNotContain(personal, page.Body, StringComparison.Ordinal);
        }

        var completedOnly = await anyone.GetAsync($"{MapPath}?status=completed");
        Assert.Null(Item(completedOnly, shown.ReceiptNumber));
        Assert.Equal("completed", completedOnly.Document.QuerySelector("#public-report-status option[selected]")!.GetAttribute("value"));
        Assert.Null(Item(await anyone.GetAsync($"{MapPath}?category=dumping"), shown.ReceiptNumber));
        Assert.NotNull(Item(await anyone.GetAsync($"{MapPath}?category=road&status=in_progress"), shown.ReceiptNumber));

        var wrong = await anyone.GetAsync($"{MapPath}?status=declined");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("選んだ状況は見つかりませんでした。一覧から選び直してください。", wrong.Document.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_photo_is_public_only_while_staff_approve_it_and_both_steps_are_in_the_history_and_audited()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();
        var report = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(resident, "dumping", 40.5841, 140.5668)).Value);
        var photoPath = $"{MapPath}/photos/{report.ReceiptNumber}";
        using var anyone = new Browser(bed.App.Address);
        Task<ReportCaseView> PublishAsync(bool isPublic) => scenario.AsAsync(ReportScenario.EnvironmentStaff, async s =>
        {
            var desk = s.GetRequiredService<ReportCaseDesk>();
            await desk.PublishPhotoAsync(report.Id, isPublic, CancellationToken.None);
            return await desk.OpenAsync(report.Id, CancellationToken.None);
        });

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anyone, photoPath));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(ReportScenario.RoadViewer, s => s.GetRequiredService<ReportCaseDesk>()
            .PublishPhotoAsync(report.Id, true, CancellationToken.None)));
        await Assert.ThrowsAsync<ReportRuleException>(() => scenario.AsAsync(ReportScenario.RoadStaff, s => s.GetRequiredService<ReportCaseDesk>()
            .PublishPhotoAsync(report.Id, true, CancellationToken.None))); // another department's case

        var published = await PublishAsync(true);

        Assert.True(published.PhotoPublic);
        using (var photo = await anyone.Client.GetAsync(photoPath))
        {
            Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (photo.StatusCode, photo.Content.Headers.ContentType?.MediaType));
            Assert.Equal(new byte[] { 0xFF, 0xD8 }, (await photo.Content.ReadAsByteArrayAsync())[..2]);
        }

        Assert.Equal(photoPath, Item(await anyone.GetAsync(MapPath), report.ReceiptNumber)!.QuerySelector("img")!.GetAttribute("src"));
        var again = await Assert.ThrowsAsync<ReportRuleException>(() => PublishAsync(true));
        Assert.Equal("写真はすでに公開地図に載せています。", again.Message);

        var withdrawn = await PublishAsync(false);

        Assert.False(withdrawn.PhotoPublic);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anyone, photoPath));
        Assert.Null(Item(await anyone.GetAsync(MapPath), report.ReceiptNumber)!.QuerySelector("img"));
        Assert.Equal([true, false], withdrawn.History.Where(h => h.PhotoPublic is not null).Select(h => h.PhotoPublic!.Value));
        Assert.All(withdrawn.History.Where(h => h.PhotoPublic is not null), h => Assert.Equal("職員 kankyo-1", h.StaffName));
        var audited = await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == report.Id.ToString() && e.Action.StartsWith("reports.case.photo_")).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.ActorUserId }).ToListAsync());
        Assert.Equal(
            [("reports.case.photo_published", "kankyo-1"), ("reports.case.photo_withdrawn", "kankyo-1")],
            audited.Select(a => (a.Action, a.ActorUserId)));
    }

    private static AngleSharp.Dom.IElement? Item(BrowserPage page, string receiptNumber) =>
        page.Document.QuerySelectorAll(".public-report").SingleOrDefault(li => li.TextContent.Contains(receiptNumber, StringComparison.Ordinal));

    private static async Task<HttpStatusCode> StatusAsync(Browser browser, string path)
    {
        using var response = await browser.Client.GetAsync(path);
        return response.StatusCode;
    }

    private static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var north = (latitude2 - latitude1) * 111_320;
        var east = (longitude2 - longitude1) * 111_320 * Math.Cos(latitude1 * Math.PI / 180);
        return Math.Sqrt((north * north) + (east * east));
    }

    [GeneratedRegex(@"R-\d{4}-\d{6}")]
    private static partial Regex ReceiptNumber();
}

public sealed class SqlitePublicReportMapTests(SqliteReportsBed fixture) : PublicReportMapTests(fixture), IClassFixture<SqliteReportsBed>;

public sealed class PostgresPublicReportMapTests(PostgresReportsBed fixture) : PublicReportMapTests(fixture), IClassFixture<PostgresReportsBed>;
