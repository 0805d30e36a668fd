using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Reports;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.Portal.Modules.Reports;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class ReportsPortalTests : PortalComponentTest
{
    private static readonly Guid Id = Guid.NewGuid();
    private readonly FakeReportsDesk _desk;
    private readonly BunitJSModuleInterop _map;

    public ReportsPortalTests()
    {
        _desk = Reports;
        _map = JSInterop.SetupModule("./_content/SmartBranch.Portal/reports-map.js");
        _map.SetupVoid("showPlace", _ => true);
        Staff.UserId = "doboku-1";
        Staff.Permissions.Add(ReportsPermissions.View);
    }

    [Fact]
    public void The_inbox_lists_cases_with_status_category_department_and_japan_time_and_flags_possible_duplicates()
    {
        _desk.Listings.Add(new ReportListing(Id, "R-2026-000123", "道路の損傷", "土木課", ReportStatus.Received, FakeReportsDesk.ReportedAt, PossibleDuplicate: true));

        var page = Render<ReportInboxPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        var row = Assert.Single(page.FindAll("tbody tr"));
        Assert.Equal($"/portal/hirakawa/reports/{Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("重複の可能性", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("受付", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026/04/01 09:30", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 件", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Inbox_filters_reach_the_module_as_japan_days_and_a_bad_date_is_explained()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/portal/hirakawa/reports?status=InProgress&category=road&department=doboku&from=2026-04-01&to=2026-04-30");
        var page = Render<ReportInboxPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        var filter = Assert.Single(_desk.Searches);
        Assert.Equal(
            new ReportInboxFilter(ReportStatus.InProgress, "road", "doboku", new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 30, 15, 0, 0, TimeSpan.Zero)),
            filter);
        Assert.Equal("InProgress", page.Find("#report-status option[selected]").GetAttribute("value"));

        navigation.NavigateTo("/portal/hirakawa/reports?from=" + Uri.EscapeDataString("4月1日"));
        var bad = Render<ReportInboxPage>(p => p.Add(c => c.Tenant, "hirakawa"));
        Assert.Equal("日付は 2026-04-01 の形で入力してください。", bad.Find("[role=alert]").TextContent);
        Assert.Single(_desk.Searches);
    }

    [Fact]
    public void The_case_shows_photo_place_with_a_map_link_comment_and_history_and_a_viewer_gets_no_status_form()
    {
        _desk.Case = FakeReportsDesk.Received(Id);

        var panel = RenderPanel();

        Assert.Equal($"/portal/hirakawa/reports/{Id}/photo?preview=true", panel.Find("img.report-photo").GetAttribute("src"));
        Assert.Contains("通報 R-2026-000123 の写真", panel.Find("img.report-photo").GetAttribute("alt"), StringComparison.Ordinal);
        var facts = panel.Find("dl.facts").TextContent;
        Assert.Contains("青森県平川市柏木町藤山25-6", facts, StringComparison.Ordinal);
        Assert.Contains("緯度 40.584100、経度 140.566800", facts, StringComparison.Ordinal);
        Assert.Contains("歩道に穴があります", facts, StringComparison.Ordinal);
        Assert.Contains("mlat=40.584100&mlon=140.566800", panel.Find("dl.facts a").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("住民が LINE で通報", panel.Find(".report-history").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("form"));
    }

    [Fact]
    public void The_case_shows_its_place_on_a_small_map_with_the_tenants_tiles()
    {
        _desk.Case = FakeReportsDesk.Received(Id);

        var panel = RenderPanel();

        var call = Assert.Single(_map.Invocations, i => i.Identifier == "showPlace");
        Assert.Equal("通報 R-2026-000123 の場所の地図", panel.Find(".report-map-small").GetAttribute("aria-label"));
        var place = System.Text.Json.JsonSerializer.SerializeToElement(call.Arguments[1]);
        Assert.Equal((40.5841, 140.5668), (place.GetProperty("lat").GetDouble(), place.GetProperty("lon").GetDouble()));
        Assert.Equal("通報 R-2026-000123 の場所", place.GetProperty("label").GetString());
        Assert.Equal("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png", place.GetProperty("tiles").GetProperty("url").GetString());
        Assert.Equal("地理院タイル", place.GetProperty("tiles").GetProperty("attribution").GetString());
    }

    [Fact]
    public void The_inbox_exports_its_current_filter()
    {
        _desk.Listings.Add(new ReportListing(Id, "R-2026-000123", "道路の損傷", "土木課", ReportStatus.Received, FakeReportsDesk.ReportedAt, PossibleDuplicate: false));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/portal/hirakawa/reports?category=road&from=2026-04-01");

        var page = Render<ReportInboxPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        var form = page.Find("form[method=post]");
        Assert.Equal("/portal/hirakawa/reports/export", form.GetAttribute("action"));
        Assert.Equal(
            [("status", ""), ("category", "road"), ("department", ""), ("from", "2026-04-01"), ("to", "")],
            form.QuerySelectorAll("input[type=hidden]:not([name=__RequestVerificationToken])").Select(i => (i.GetAttribute("name"), i.GetAttribute("value") ?? "")));
        Assert.Equal("/portal/hirakawa/reports/map?category=road&from=2026-04-01", page.Find(".report-tabs a:nth-child(2)").GetAttribute("href"));
        Assert.Equal("page", page.Find(".report-tabs a:nth-child(1)").GetAttribute("aria-current"));
    }

    [Fact]
    public void Staff_who_handle_reports_move_the_case_with_an_internal_note_and_see_it_in_the_history()
    {
        Staff.Permissions.Add(ReportsPermissions.Handle);
        _desk.Case = FakeReportsDesk.Received(Id);
        var panel = RenderPanel();

        panel.Find("form.report-change").Submit();
        Assert.Equal("新しい状況を選んでください。", panel.Find("form.report-change [role=alert]").TextContent);
        Assert.Empty(_desk.Actions);

        panel.FindAll("form.report-change input[type=radio]").Single(r => r.GetAttribute("value") == "InProgress").Change(true);
        panel.Find("#report-change-note").Change("業者に現地確認を依頼");
        panel.Find("form.report-change").Submit();

        Assert.Equal(["status InProgress 業者に現地確認を依頼"], _desk.Actions);
        Assert.Equal("状況を「対応中」にしました。住民に LINE でお知らせします。", panel.Find(".form-success").TextContent);
        Assert.Contains("「受付」→「対応中」", panel.Find(".report-history").TextContent, StringComparison.Ordinal);
        Assert.Contains("業者に現地確認を依頼", panel.Find(".report-history").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Completed", "Declined"], panel.FindAll("form.report-change input[type=radio]").Select(r => r.GetAttribute("value")));
    }

    [Fact]
    public void A_closed_case_offers_no_status_change_and_an_empty_note_is_refused()
    {
        Staff.Permissions.Add(ReportsPermissions.Handle);
        _desk.Case = FakeReportsDesk.Received(Id) with { Status = ReportStatus.Completed, NextStatuses = [] };
        var panel = RenderPanel();

        Assert.Empty(panel.FindAll("form.report-change"));
        Assert.Contains("この案件は終了しています（完了）。", panel.Markup, StringComparison.Ordinal);

        panel.Find("form.report-note").Submit();
        Assert.Equal("メモを入力してください。", panel.Find("form.report-note [role=alert]").TextContent);
    }

    [Fact]
    public void A_case_on_a_national_road_names_its_manager_and_staff_forward_it_into_the_history()
    {
        Staff.Permissions.Add(ReportsPermissions.Handle);
        _desk.Case = FakeReportsDesk.Received(Id) with
        {
            RoadManager = new ReportRoadManagerView("国土交通省 青森河川国道事務所", "国道7号", "道路緊急ダイヤル #9910", "kokudo@example.jp"),
        };
        var panel = RenderPanel();

        var section = panel.Find("#report-road-manager").TextContent;
        Assert.Contains("この場所は国道7号で、国土交通省 青森河川国道事務所が管理しています", section, StringComparison.Ordinal);
        Assert.Contains("道路緊急ダイヤル #9910", section, StringComparison.Ordinal);

        panel.Find("#report-forward-note").Change("片側通行です");
        panel.Find("form.report-forward").Submit();

        Assert.Equal(["forward 片側通行です"], _desk.Actions);
        Assert.Equal("道路の管理者へ転送しました。", panel.Find(".form-success").TextContent);
        Assert.Contains("転送: 国土交通省 青森河川国道事務所 <kokudo@example.jp>", panel.Find(".report-history").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_from_open311_shows_its_client_and_links_its_photo_elsewhere_and_a_city_road_offers_no_forwarding()
    {
        Staff.Permissions.Add(ReportsPermissions.Handle);
        _desk.Case = FakeReportsDesk.Received(Id) with
        {
            Source = ReportSource.Open311, SourceClient = "道路管理システム", HasPhoto = false, MediaUrl = "https://photos.example.jp/1.jpg",
        };

        var panel = RenderPanel();

        Assert.Contains("Open311（道路管理システム）", panel.Find("dl.facts").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("img.report-photo"));
        Assert.Equal("https://photos.example.jp/1.jpg", panel.Find("#report-photo-heading + p + a").GetAttribute("href"));
        Assert.Empty(panel.FindAll("form.report-forward"));
    }

    [Fact]
    public void Staff_who_handle_reports_approve_the_photo_for_the_public_map_and_withdraw_it_both_in_the_history()
    {
        Staff.Permissions.Add(ReportsPermissions.Handle);
        _desk.Case = FakeReportsDesk.Received(Id) with { PublicMap = true };
        var panel = RenderPanel();

        Assert.Contains("この写真は公開の状況地図に載っていません。", panel.Find("#report-photo-heading").ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("顔・車のナンバー", panel.Find("form.report-photo-publication").TextContent, StringComparison.Ordinal);
        panel.Find("form.report-photo-publication").Submit();

        Assert.Equal(["photo published"], _desk.Actions);
        Assert.Equal("写真を公開地図に載せました。", panel.Find(".form-success").TextContent);
        Assert.Contains("この写真は公開の状況地図に載っています。", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("写真を公開地図に掲載", panel.Find(".report-history").TextContent, StringComparison.Ordinal);

        Assert.Equal("写真を公開地図から取り下げる", panel.Find("form.report-photo-publication button").TextContent);
        panel.Find("form.report-photo-publication").Submit();

        Assert.Equal(["photo published", "photo withdrawn"], _desk.Actions);
        Assert.Contains("写真を公開地図から取り下げ", panel.Find(".report-history").TextContent, StringComparison.Ordinal);
        Assert.Contains("この写真は公開の状況地図に載っていません。", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_photo_cannot_be_published_by_viewers_nor_where_the_tenant_has_no_public_map_nor_for_a_declined_case()
    {
        _desk.Case = FakeReportsDesk.Received(Id) with { PublicMap = true };
        Assert.Empty(RenderPanel().FindAll("form.report-photo-publication"));

        Staff.Permissions.Add(ReportsPermissions.Handle);
        _desk.Case = FakeReportsDesk.Received(Id);
        var noMap = RenderPanel();
        Assert.Empty(noMap.FindAll("form.report-photo-publication"));
        Assert.DoesNotContain("公開の状況地図", noMap.Markup, StringComparison.Ordinal);

        _desk.Case = FakeReportsDesk.Received(Id) with { PublicMap = true, Status = ReportStatus.Declined, NextStatuses = [] };
        Assert.Empty(RenderPanel().FindAll("form.report-photo-publication"));

        _desk.Case = FakeReportsDesk.Received(Id) with { PublicMap = true, Status = ReportStatus.Declined, NextStatuses = [], PhotoPublic = true };
        Assert.Equal("写真を公開地図から取り下げる", RenderPanel().Find("form.report-photo-publication button").TextContent);
    }

    [Fact]
    public void A_case_of_another_department_is_not_shown()
    {
        _desk.Case = null;

        var panel = RenderPanel();

        Assert.Equal("通報が見つかりません。別の課・自治体・環境の通報か、番号が違います。", panel.Find("[role=alert]").TextContent);
        Assert.Empty(panel.FindAll("img"));
    }

    [Fact]
    public void The_inbox_speaks_English_when_asked()
    {
        UseCulture("en");

        var page = Render<ReportInboxPage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Equal("Reports inbox", page.Find("h1").TextContent);
        Assert.Equal("No reports match.", page.Find("p:not(.lead):not(.muted)").TextContent);
    }

    private IRenderedComponent<ReportCasePanel> RenderPanel() =>
        Render<ReportCasePanel>(p => p
            .Add(c => c.TenantSlug, "hirakawa")
            .Add(c => c.EnvironmentName, "production")
            .Add(c => c.CaseId, Id));
}
