using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Reports;
using SmartBranch.Modules.Reports.Features.Statistics;
using SmartBranch.Portal.Modules.Reports;

namespace SmartBranch.Portal.Tests.Components;

public sealed class ReportsMapAndStatisticsTests : PortalComponentTest
{
    public ReportsMapAndStatisticsTests()
    {
        Staff.UserId = "doboku-1";
        Staff.Permissions.Add(ReportsPermissions.View);
    }

    [Fact]
    public void The_map_loads_the_filters_markers_with_the_tenants_tiles_and_a_legend_that_tells_categories_by_shape_and_name()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/portal/hirakawa/reports/map?status=Received&category=road");

        var page = Render<ReportMapPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        var map = page.Find("[data-report-map]");
        Assert.Equal("/portal/hirakawa/reports/map/markers?status=Received&category=road", map.GetAttribute("data-markers-url"));
        Assert.Equal("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png", map.GetAttribute("data-tile-url"));
        Assert.Equal("地理院タイル", map.GetAttribute("data-attribution"));
        Assert.Equal("40.58400,140.56700,12", map.GetAttribute("data-centre"));
        Assert.Equal("report-map-help", map.GetAttribute("aria-describedby"));
        Assert.Equal("road", page.Find("#report-category option[selected]").GetAttribute("value"));
        Assert.Equal("/portal/hirakawa/reports?status=Received&category=road", page.FindAll("a").Single(a => a.TextContent == "同じ条件で一覧を見る").GetAttribute("href"));
        Assert.Equal("page", page.Find(".report-tabs a:nth-child(2)").GetAttribute("aria-current"));

        var legend = page.FindAll(".report-legend li");
        Assert.Equal(["道路の損傷", "不法投棄", "完了・対応不可（白抜き）"], legend.Select(l => l.TextContent.Trim()));
        var shapes = legend.Take(2).Select(l => l.QuerySelector(".report-marker")!.ClassList.Single(c => c is not "report-marker")).ToList();
        Assert.Equal(2, shapes.Distinct().Count());
    }

    [Fact]
    public void A_bad_date_on_the_map_is_explained_and_no_map_is_loaded()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/portal/hirakawa/reports/map?to=" + Uri.EscapeDataString("4月"));

        var page = Render<ReportMapPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Equal("日付は 2026-04-01 の形で入力してください。", page.Find("[role=alert]").TextContent);
        Assert.Empty(page.FindAll("[data-report-map]"));
    }

    [Fact]
    public void Statistics_default_to_the_last_twelve_months_in_japan_and_show_each_table_with_hours_to_close()
    {
        Reports.Statistics = new ReportStatisticsResult(
            new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero),
            7,
            [new ReportCategoryFigures("道路の損傷", 5, 2, 3, TimeSpan.FromHours(20), TimeSpan.FromHours(40.26)), new ReportCategoryFigures("不法投棄", 2, 2, 0, null, null)],
            [new ReportAreaCount("平賀", 4), new ReportAreaCount("尾上", 1), new ReportAreaCount(null, 2)],
            [new ReportMonthCount(new DateOnly(2026, 11, 1), 3), new ReportMonthCount(new DateOnly(2026, 12, 1), 4)]);

        var page = Render<ReportStatisticsPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        // The clock is 2026-12-01 10:00 in Japan: from 2026-01-01 through today.
        Assert.Equal(
            (new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)),
            Assert.Single(Reports.StatisticsPeriods));
        Assert.Equal(("2026-01-01", "2026-12-01"), (page.Find("#report-stats-from").GetAttribute("value"), page.Find("#report-stats-to").GetAttribute("value")));
        Assert.Equal("2026/01/01 から 2026/12/01 までに受け付けた通報：7 件", page.Find("[role=status]").TextContent);
        Assert.Equal(["分類別", "地区別", "月別"], page.FindAll("table caption").Select(c => c.TextContent));
        Assert.Equal(
            ["道路の損傷 5 2 3 20.0 時間 40.3 時間", "不法投棄 2 2 0 — —"],
            page.FindAll(".report-stats-category tbody tr").Select(r => string.Join(' ', r.Children.Select(c => c.TextContent.Trim()))));
        Assert.Equal(["平賀 4", "尾上 1", "地区外・不明 2"], page.FindAll(".report-stats-district tbody tr").Select(r => string.Join(' ', r.Children.Select(c => c.TextContent))));
        Assert.Equal(["2026-11 3", "2026-12 4"], page.FindAll(".report-stats-month tbody tr").Select(r => string.Join(' ', r.Children.Select(c => c.TextContent))));
        Assert.Equal("/portal/hirakawa/reports/stats/export", page.Find("form[method=post]").GetAttribute("action"));
        Assert.All(page.FindAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }

    [Fact]
    public void Statistics_refuse_a_period_that_ends_before_it_starts()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/portal/hirakawa/reports/stats?from=2026-05-01&to=2026-04-01");

        var page = Render<ReportStatisticsPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Equal("終わりの日付が始まりの日付より前です。", page.Find("[role=alert]").TextContent);
        Assert.Empty(Reports.StatisticsPeriods);
        Assert.Empty(page.FindAll("table"));
    }
}
