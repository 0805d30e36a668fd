using Bunit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Modules.AccessGrants;
using SmartBranch.Portal.Modules.Dashboard;
using SmartBranch.Portal.Ops.AccessGrants;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>Break-glass access as operators ask for it in the console and a city's admins answer it in the portal.</summary>
public sealed class AccessGrantsTests : PortalComponentTest
{
    [Fact]
    public void An_operator_asks_for_a_grant_with_a_reason_and_a_time_limit_no_longer_than_the_services_maximum()
    {
        Staff.IsOperator = true;
        Staff.UserId = "op-1";
        var panel = RenderOperatorPanel();

        var choices = panel.FindAll("#grant-duration option").Select(o => o.TextContent).ToList();
        Assert.Equal(["15 分", "30 分", "1 時間", "2 時間", "4 時間"], choices);
        panel.Find("#grant-reason").Change("問い合わせ #123 の調査");
        panel.Find("#grant-duration").Change("120");
        panel.Find("form").Submit();

        Assert.Equal(("hirakawa", "問い合わせ #123 の調査", TimeSpan.FromHours(2), false), Assert.Single(AccessGrants.Requests));
        Assert.Contains("管理者が承認すると有効になります", panel.Find("[role=status]").TextContent);
        var row = panel.Find("tbody tr");
        Assert.Contains("申請中", row.TextContent);
        Assert.Contains("承認から期間満了まで", row.TextContent);
        Assert.Single(StaffLoader.LoadedNames);
    }

    [Fact]
    public void An_emergency_is_announced_before_it_is_sent_and_starts_at_once()
    {
        Staff.IsOperator = true;
        Staff.UserId = "op-1";
        var panel = RenderOperatorPanel();
        Assert.Equal("承認を申請する", panel.Find("form button[type=submit]").TextContent.Trim());

        panel.Find("#grant-reason").Change("障害対応");
        panel.Find("#grant-emergency").Change(true);

        Assert.Contains("alert-danger", panel.Find("#grant-emergency-warning").ClassList);
        Assert.Contains("承認を待たずにすぐ閲覧できる", panel.Find("#grant-emergency-warning").TextContent);
        Assert.Equal("緊急として今すぐ開始する", panel.Find("form button[type=submit]").TextContent.Trim());
        panel.Find("form").Submit();

        Assert.True(Assert.Single(AccessGrants.Requests).Emergency);
        Assert.Contains("緊急の閲覧を開始しました（2026/04/01 11:00 まで）", panel.Find("[role=status]").TextContent);
        Assert.Contains("緊急（承認なし）", panel.Find("tbody tr").TextContent);
    }

    [Fact]
    public void A_refused_request_shows_the_services_reason_and_keeps_what_was_typed()
    {
        Staff.IsOperator = true;
        AccessGrants.Refusal = "理由を 500 文字以内で入力してください。";
        var panel = RenderOperatorPanel();

        panel.Find("#grant-reason").Change("調査");
        panel.Find("form").Submit();

        Assert.Equal("理由を 500 文字以内で入力してください。", panel.Find("[role=alert]").TextContent);
        Assert.Equal("調査", panel.Find("#grant-reason").GetAttribute("value"));
    }

    [Fact]
    public void The_console_lists_the_tenants_grants_in_japan_time_and_lets_an_operator_end_only_their_own()
    {
        Staff.IsOperator = true;
        Staff.UserId = "op-1";
        var own = FakeAccessGrants.Grant(PersonalDataAccessGrantState.Active);
        AccessGrants.Stored.AddRange([
            own,
            FakeAccessGrants.Grant(PersonalDataAccessGrantState.Active, "op-2", "運用 二郎"),
            FakeAccessGrants.Grant(PersonalDataAccessGrantState.Expired),
            FakeAccessGrants.Grant(PersonalDataAccessGrantState.Revoked)]);
        var panel = RenderOperatorPanel();

        var rows = panel.FindAll("tbody tr");
        Assert.Equal(["有効", "有効", "期限切れ", "取消"], rows.Select(r => r.QuerySelector(".badge")!.TextContent).ToList());
        Assert.Contains("平川 花子", rows[0].TextContent);
        Assert.Contains("2026/04/01 11:40", rows[0].TextContent);
        Assert.Contains("2026/04/01 09:55 に取消", rows[3].TextContent);
        Assert.Equal([1, 0, 0, 0], rows.Select(r => r.QuerySelectorAll("button").Length).ToList());

        rows[0].QuerySelector("button")!.Click();

        Assert.Equal(own.Id, Assert.Single(AccessGrants.Revoked));
        Assert.Equal("取消", panel.FindAll("tbody tr")[0].QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public void A_city_admin_approves_a_pending_request_and_sees_until_when()
    {
        var pending = FakeAccessGrants.Grant(PersonalDataAccessGrantState.Pending);
        AccessGrants.Stored.AddRange([pending, FakeAccessGrants.Grant(PersonalDataAccessGrantState.Expired)]);
        var panel = RenderCityPanel();

        Assert.Single(panel.FindAll("section")[0].QuerySelectorAll("tbody tr"));
        Assert.Contains("期限切れ", panel.FindAll("section")[1].TextContent);
        panel.Find("section .button-primary").Click();

        Assert.Equal(pending.Id, Assert.Single(AccessGrants.Approved));
        Assert.Equal("運用 一郎 さんの閲覧を承認しました（2026/04/01 12:00 まで）。", panel.Find("[role=status]").TextContent);
        Assert.Equal("有効", panel.Find("section tbody .badge").TextContent);
    }

    [Fact]
    public void A_city_admin_ends_an_active_grant_and_a_refusal_is_shown_in_japanese()
    {
        var active = FakeAccessGrants.Grant(PersonalDataAccessGrantState.Active, emergency: true);
        AccessGrants.Stored.Add(active);
        var panel = RenderCityPanel();
        Assert.Empty(panel.FindAll(".button-primary"));

        AccessGrants.Refusal = "この申請はすでに終了しています。";
        panel.Find(".button-danger").Click();
        Assert.Equal("この申請はすでに終了しています。", panel.Find("[role=alert]").TextContent);

        panel.Find(".button-danger").Click();
        Assert.Equal(active.Id, Assert.Single(AccessGrants.Revoked));
        Assert.Contains("承認待ちや有効な申請はありません", panel.Markup);
    }

    [Fact]
    public void The_dashboard_tells_every_staff_member_that_an_operator_can_see_personal_data()
    {
        AccessGrants.Stored.AddRange([
            FakeAccessGrants.Grant(PersonalDataAccessGrantState.Active, emergency: true),
            FakeAccessGrants.Grant(PersonalDataAccessGrantState.Pending, "op-2", "運用 二郎")]);

        var page = Render<DashboardPage>(p => p.Add(d => d.Tenant, "hirakawa"));

        var notice = page.Find(".access-grants-notice");
        Assert.Contains("運用 一郎 さんが緊急として 2026/04/01 11:40 まで住民の個人情報を閲覧できます", notice.TextContent);
        Assert.Contains("承認を待っている申請が 1 件あります", notice.TextContent);
        Assert.Empty(notice.QuerySelectorAll("a"));

        Staff.Permissions.Add(KernelPermissions.AccessGrantsApprove);
        var adminsPage = Render<DashboardPage>(p => p.Add(d => d.Tenant, "hirakawa"));
        Assert.Equal("/portal/hirakawa/access-grants", adminsPage.Find(".access-grants-notice a").GetAttribute("href"));
    }

    [Fact]
    public void The_dashboard_says_nothing_when_no_grant_is_pending_or_active()
    {
        AccessGrants.Stored.AddRange([
            FakeAccessGrants.Grant(PersonalDataAccessGrantState.Expired),
            FakeAccessGrants.Grant(PersonalDataAccessGrantState.Revoked)]);

        var page = Render<DashboardPage>(p => p.Add(d => d.Tenant, "hirakawa"));

        Assert.Empty(page.FindAll(".access-grants-notice"));
    }

    [Fact]
    public void The_page_is_in_english_for_english_staff()
    {
        UseCulture("en");
        AccessGrants.Stored.Add(FakeAccessGrants.Grant(PersonalDataAccessGrantState.Pending));

        var panel = RenderCityPanel();

        Assert.Equal("Pending", panel.Find(".badge").TextContent);
        Assert.Equal("Approve 運用 一郎", panel.Find(".button-primary").TextContent.Trim());
    }

    private IRenderedComponent<OperatorAccessGrantsPanel> RenderOperatorPanel() =>
        Render<OperatorAccessGrantsPanel>(p => p.Add(g => g.TenantSlug, "hirakawa").Add(g => g.TenantName, "平川市"));

    private IRenderedComponent<AccessGrantsPanel> RenderCityPanel() =>
        Render<AccessGrantsPanel>(p => p.Add(g => g.TenantSlug, "hirakawa").Add(g => g.EnvironmentName, "production"));
}
