using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Portal;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>
/// Staff use the inbox's map, CSV export and statistics through the real portal and sign-in. Cases are filed straight
/// into the database with known times; each test reads its own year, so the tests of the class do not see each other's.
/// </summary>
public abstract class ReportMapExportStatisticsTests(PortalTestBed fixture)
{
    private static readonly TestChannel Channel = LineTestBed.HirakawaProduction;

    [Fact]
    public async Task The_map_markers_hold_the_filtered_cases_places_and_no_personal_data_and_only_for_staff_who_may_see_them()
    {
        var bed = await fixture.GetAsync();
        var road = await FileAsync(bed, "R-2024-900001", "road", At(2024, 5, 10, 9), 40.58412, 140.56681, comment: "隣の田中さんの家の前", address: "青森県平川市柏木町藤山25-6");
        await FileAsync(bed, "R-2024-900002", "dumping", At(2024, 5, 11, 9), 40.6100, 140.5600);
        await FileAsync(bed, "R-2024-900003", "road", At(2024, 7, 1, 9), 40.5900, 140.6000);
        var (admin, _) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _admin = admin;

        var roadOnly = await MarkersAsync(admin, "from=2024-05-01&to=2024-05-31&category=road");
        var marker = Assert.Single(roadOnly["markers"]!.AsArray())!;
        Assert.Equal(1, roadOnly["total"]!.GetValue<int>());
        Assert.Equal(
            ("R-2024-900001", "道路の損傷", "受付", true, "2024/05/10 18:00", 40.58412, 140.56681, $"/portal/hirakawa/reports/{road.Id}"),
            (marker["receiptNumber"]!.GetValue<string>(), marker["category"]!.GetValue<string>(), marker["statusLabel"]!.GetValue<string>(), marker["open"]!.GetValue<bool>(),
                marker["reportedAt"]!.GetValue<string>(), marker["lat"]!.GetValue<double>(), marker["lon"]!.GetValue<double>(), marker["href"]!.GetValue<string>()));
        var json = roadOnly.ToJsonString();
        foreach (var personal in new[] { road.ReporterLineUserId!, road.PhotoId!, "田中", "柏木町" })
        {
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
        }

        var may = await MarkersAsync(admin, "from=2024-05-01&to=2024-05-31");
        Assert.Equal(["R-2024-900002", "R-2024-900001"], may["markers"]!.AsArray().Select(m => m!["receiptNumber"]!.GetValue<string>()));

        var (staff, _) = await PortalSession.SignInAsync(bed, StaffRoles.Staff);
        using var _staff = staff;
        var noDepartment = await MarkersAsync(staff, "from=2024-05-01&to=2024-05-31");
        Assert.Empty(noDepartment["markers"]!.AsArray());

        using var stranger = new Browser(bed.App.Address);
        using var anonymous = await stranger.Client.GetAsync("/portal/hirakawa/reports/map/markers");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/connect/authorize", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var badDate = await admin.Client.GetAsync("/portal/hirakawa/reports/map/markers?from=5%E6%9C%881%E6%97%A5");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        var audited = await bed.InTenantAsync(Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.Action == "reports.map.viewed" && e.TenantSlug == "hirakawa").Select(e => new { e.Summary, e.TouchesPersonalData }).ToListAsync());
        Assert.Contains(audited, e => e.TouchesPersonalData && e.Summary!.Contains("1 件", StringComparison.Ordinal));

        var page = await admin.GetAsync("/portal/hirakawa/reports/map?category=road");
        Assert.Equal("/portal/hirakawa/reports/map/markers?category=road", page.Document.QuerySelector("[data-report-map]")!.GetAttribute("data-markers-url"));
    }

    [Fact]
    public async Task Portal_pages_carry_the_hosts_policy_with_the_tenants_tile_host_and_not_blazors_own()
    {
        var bed = await fixture.GetAsync();
        var (admin, _) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _admin = admin;

        foreach (var path in new[] { "/portal/hirakawa", "/portal/hirakawa/reports/map" })
        {
            var page = await admin.GetAsync(path);

            var policy = Assert.Single(page.Response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("https://cyberjapandata.gsi.go.jp", policy, StringComparison.Ordinal);
            Assert.Equal("DENY", Assert.Single(page.Response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task The_inbox_exports_its_filter_as_csv_for_excel_in_japan_time_without_personal_data_and_the_export_is_audited()
    {
        var bed = await fixture.GetAsync();
        await FileAsync(bed, "R-2025-900001", "road", At(2025, 3, 1, 15, 30), 40.4800, 140.7000, comment: "コメントは出さない", closedAfter: (TimeSpan.FromHours(5), ReportStatus.Completed));
        await FileAsync(bed, "R-2025-900002", "dumping", At(2025, 3, 2, 0), 40.5841, 140.5668);
        var (admin, user) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _admin = admin;
        var inbox = await admin.GetAsync("/portal/hirakawa/reports?category=road&from=2025-03-01&to=2025-03-31");

        using var response = await admin.PostFormAsync(inbox, "/reports/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "受付番号,状態,分類,担当課,地区,通報日時(日本時間),最終更新(日本時間),重複の疑い",
                "R-2025-900001,完了,道路の損傷,土木課,碇ヶ関,2025-03-02 00:30:00,2025-03-02 05:30:00,いいえ",
            ],
            lines);

        var audited = await bed.InTenantAsync(Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.Action == "reports.cases.exported" && e.ActorUserId == user.UserId).Select(e => e.Summary).ToListAsync());
        Assert.Equal(["通報の一覧を CSV で出力（1 件）"], audited);
    }

    [Fact]
    public async Task Statistics_count_a_known_period_by_category_district_and_month_with_median_and_90th_percentile_time_to_close()
    {
        var bed = await fixture.GetAsync();
        await FileAsync(bed, "R-2023-900001", "road", At(2023, 1, 5, 9), 40.5841, 140.5668, closedAfter: (TimeSpan.FromHours(10), ReportStatus.Completed));
        await FileAsync(bed, "R-2023-900002", "road", At(2023, 1, 20, 9), 40.6100, 140.5600, closedAfter: (TimeSpan.FromHours(20), ReportStatus.Completed));
        await FileAsync(bed, "R-2023-900003", "road", At(2023, 2, 3, 9), 40.4800, 140.7000, closedAfter: (TimeSpan.FromHours(40), ReportStatus.Declined));
        await FileAsync(bed, "R-2023-900004", "road", At(2023, 2, 28, 23), 40.5841, 140.5668); // 1 March in Japan
        await FileAsync(bed, "R-2023-900005", "dumping", At(2023, 3, 31, 14, 59), 40.7000, 140.4000, closedAfter: (TimeSpan.FromMinutes(90), ReportStatus.Completed));
        await FileAsync(bed, "R-2023-900006", "dumping", At(2023, 3, 31, 15, 0), 40.5841, 140.5668);
        var (admin, user) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _admin = admin;

        var page = await admin.GetAsync("/portal/hirakawa/reports/stats?from=2023-01-01&to=2023-03-31");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("5 件", page.Document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var byCategory = Rows(page, ".report-stats-category");
        Assert.Equal(["4", "1", "3", "20.0 時間", "40.0 時間"], byCategory["道路の損傷"]);
        Assert.Equal(["1", "0", "1", "1.5 時間", "1.5 時間"], byCategory["不法投棄"]);
        Assert.Equal(["0", "0", "0", "—", "—"], byCategory["街灯"]);
        var byDistrict = Rows(page, ".report-stats-district");
        Assert.Equal(
            [("平賀", "2"), ("尾上", "1"), ("碇ヶ関", "1"), ("地区外・不明", "1")],
            byDistrict.Select(r => (r.Key, r.Value.Single())));
        var byMonth = Rows(page, ".report-stats-month");
        Assert.Equal([("2023-01", "2"), ("2023-02", "1"), ("2023-03", "2")], byMonth.Select(r => (r.Key, r.Value.Single())));

        using var csv = await admin.PostFormAsync(page, "/reports/stats/export");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("集計,項目,件数,未完了,完了・対応不可,完了までの中央値(時間),完了までの90パーセンタイル(時間)", lines[0]);
        Assert.Contains("分類,道路の損傷,4,1,3,20.0,40.0", lines);
        Assert.Contains("地区,碇ヶ関,1,,,,", lines);
        Assert.Contains("月,2023-03,2,,,,", lines);
        var audited = await bed.InTenantAsync(Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .CountAsync(e => e.Action == "reports.statistics.exported" && e.ActorUserId == user.UserId));
        Assert.Equal(1, audited);
    }

    /// <summary>A case as the chat files it, at a known time, and optionally closed by staff a known while later.</summary>
    private static Task<ReportCase> FileAsync(
        LineTestBed bed, string receiptNumber, string category, DateTimeOffset reportedAt, double latitude, double longitude, string? comment = null, string? address = null,
        (TimeSpan After, ReportStatus To)? closedAfter = null) =>
        bed.InTenantAsync(Channel, async (db, _) =>
        {
            var department = category == "dumping" ? "kankyo" : "doboku";
            var report = ReportCase.File(
                ReportSubmission.FromLine($"U{Guid.NewGuid():N}", category, $"photo{Guid.NewGuid():N}"[..30], latitude, longitude, address, null, comment),
                receiptNumber, department, null, null, reportedAt);
            db.Add(report);
            db.Add(ReportCaseEntry.Filed(report));
            if (closedAfter is { } closing)
            {
                var at = reportedAt + closing.After;
                report.MoveTo(closing.To, at);
                db.Add(ReportCaseEntry.ByStaff(report.Id, at, "staff-1", "職員 一郎", ReportStatus.Received, closing.To, null));
            }

            await db.SaveChangesAsync();

            return report;
        });

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<JsonObject> MarkersAsync(Browser browser, string query)
    {
        using var response = await browser.Client.GetAsync($"/portal/hirakawa/reports/map/markers?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>A table's rows by their heading, the cells' text in order.</summary>
    private static Dictionary<string, List<string>> Rows(BrowserPage page, string table) =>
        page.Document.QuerySelectorAll($"{table} tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
}

public sealed class SqliteReportMapExportStatisticsTests(SqlitePortalTestBed fixture) : ReportMapExportStatisticsTests(fixture), IClassFixture<SqlitePortalTestBed>;

public sealed class PostgresReportMapExportStatisticsTests(PostgresPortalTestBed fixture) : ReportMapExportStatisticsTests(fixture), IClassFixture<PostgresPortalTestBed>;
