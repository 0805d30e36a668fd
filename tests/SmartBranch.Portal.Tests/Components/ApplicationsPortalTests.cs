using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Applications;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Processing;
using SmartBranch.Portal.Modules.Applications;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class ApplicationsPortalTests : PortalComponentTest
{
    private static readonly Guid Id = Guid.NewGuid();
    private readonly FakeApplicationsDesk _desk = new();

    public ApplicationsPortalTests()
    {
        Services.AddSingleton<IApplicationsDesk>(_desk);
        Staff.UserId = "shimin-1";
        Staff.Permissions.Add(ApplicationsPermissions.View);
    }

    [Fact]
    public void The_queue_lists_applications_with_status_type_amount_and_japan_time_and_marks_purged_ones()
    {
        _desk.Listings.Add(new ApplicationListing(Id, "A-2026-000123", "住民票の写し", "市民課", ApplicationStatus.Received, FakeApplicationsDesk.ReceivedAt, 2, 710, Purged: true));

        var page = Render<ApplicationQueuePage>(p => p.Add(c => c.Tenant, "hirakawa"));

        var row = Assert.Single(page.FindAll("tbody tr"));
        Assert.Equal($"/portal/hirakawa/applications/{Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("受付", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("710 円", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026/04/01 09:30", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("個人情報削除済", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_filters_reach_the_module_as_japan_days_and_an_unknown_status_is_explained()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/portal/hirakawa/applications?status=UnderReview&type=inkan&from=2026-04-01&to=2026-04-30");
        Render<ApplicationQueuePage>(p => p.Add(c => c.Tenant, "hirakawa"));

        Assert.Equal(
            new ApplicationQueueFilter(ApplicationStatus.UnderReview, "inkan", new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 30, 15, 0, 0, TimeSpan.Zero)),
            Assert.Single(_desk.Searches));

        navigation.NavigateTo("/portal/hirakawa/applications?status=Draft");
        var bad = Render<ApplicationQueuePage>(p => p.Add(c => c.Tenant, "hirakawa"));
        Assert.Equal("状況の指定が正しくありません。", bad.Find("[role=alert]").TextContent);
        Assert.Single(_desk.Searches);
    }

    [Fact]
    public void Name_and_address_written_differently_but_the_same_are_not_flagged()
    {
        _desk.Application = FakeApplicationsDesk.Received(Id, enteredName: "平川太郎", enteredAddress: "平川市柏木町藤山２５－６");

        var panel = RenderPanel();

        Assert.Empty(panel.FindAll(".mismatch"));
        Assert.DoesNotContain("不一致", panel.Find("table.application-identity").TextContent, StringComparison.Ordinal);
        Assert.Contains("青森県平川市柏木町藤山二十五番地六", panel.Find("#application-address-row").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_address_is_highlighted_with_a_mismatch_badge_and_the_name_row_is_not()
    {
        _desk.Application = FakeApplicationsDesk.Received(Id, enteredAddress: "青森県弘前市大字本町1-1");

        var panel = RenderPanel();

        var mismatch = Assert.Single(panel.FindAll("tr.mismatch"));
        Assert.Equal("application-address-row", mismatch.Id);
        Assert.Contains("不一致", mismatch.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("mismatch", panel.Find("#application-name-row").ClassName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void The_detail_shows_the_signature_the_payment_the_history_and_a_print_link_in_a_new_tab()
    {
        _desk.Application = FakeApplicationsDesk.Received(Id);

        var panel = RenderPanel();

        Assert.Contains("署名を確認済み（2026/04/01 09:20、証明書のシリアル番号 1234ABCD）", panel.Markup, StringComparison.Ordinal);
        Assert.Equal("支払済", panel.Find("#application-payment-state").TextContent);
        Assert.Contains("「支払待ち」→「受付」", panel.Find(".report-history").TextContent, StringComparison.Ordinal);
        var print = panel.Find("#application-print");
        Assert.Equal($"/portal/hirakawa/applications/{Id}/print", print.GetAttribute("href"));
        Assert.Equal("_blank", print.GetAttribute("target"));
    }

    [Fact]
    public void A_viewer_without_the_process_permission_gets_no_buttons()
    {
        _desk.Application = FakeApplicationsDesk.Received(Id);

        var panel = RenderPanel();

        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public void Staff_who_process_move_a_received_application_to_review_then_only_shipping_and_rejection_are_offered()
    {
        Staff.Permissions.Add(ApplicationsPermissions.Process);
        _desk.Application = FakeApplicationsDesk.Received(Id);
        var panel = RenderPanel();
        Assert.Empty(panel.FindAll("#application-ship"));

        panel.Find("#application-start-review").Click();

        Assert.Equal(["UnderReview"], _desk.Actions);
        Assert.Contains("「審査中」にしました。", panel.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("#application-start-review"));
        Assert.Single(panel.FindAll("#application-ship"));
        Assert.Single(panel.FindAll("#application-reject"));
    }

    [Fact]
    public void A_shipped_application_offers_no_transition()
    {
        Staff.Permissions.Add(ApplicationsPermissions.Process);
        _desk.Application = FakeApplicationsDesk.Received(Id) with { Status = ApplicationStatus.Shipped, NextStatuses = [] };

        var panel = RenderPanel();

        Assert.Empty(panel.FindAll("#application-start-review, #application-ship, #application-reject"));
    }

    [Fact]
    public void Rejecting_requires_a_reason_and_then_reports_the_refund()
    {
        Staff.Permissions.Add(ApplicationsPermissions.Process);
        _desk.Application = FakeApplicationsDesk.Received(Id);
        var panel = RenderPanel();

        panel.Find("#application-reject").Click();
        panel.Find("form.application-reject").Submit();

        Assert.Equal("却下の理由を入力してください。", panel.Find("#application-reject-error").TextContent);
        Assert.Equal("true", panel.Find("#application-reject-reason").GetAttribute("aria-invalid"));
        Assert.Empty(_desk.Actions);

        panel.Find("#application-reject-reason").Change("本籍地が市外のため交付できません");
        panel.Find("form.application-reject").Submit();

        Assert.Equal(["Rejected: 本籍地が市外のため交付できません"], _desk.Actions);
        var status = panel.Find("[role=status]").TextContent;
        Assert.Contains("却下しました。", status, StringComparison.Ordinal);
        Assert.Contains("返金を依頼しました（返金処理中）。", status, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("form.application-reject"));
    }

    [Fact]
    public void A_purged_application_says_so_instead_of_showing_personal_data()
    {
        _desk.Application = FakeApplicationsDesk.Received(Id) with
        {
            Status = ApplicationStatus.Shipped,
            Request = null,
            Identity = null,
            PurgedAt = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var panel = RenderPanel();

        Assert.Contains("保存期間経過により削除済（2026/07/01 09:00）", panel.Find(".application-purged").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("table.application-identity"));
        Assert.Empty(panel.FindAll("#application-print"));
    }

    private IRenderedComponent<ApplicationPanel> RenderPanel() =>
        Render<ApplicationPanel>(p => p
            .Add(c => c.TenantSlug, "hirakawa")
            .Add(c => c.EnvironmentName, "production")
            .Add(c => c.ApplicationId, Id));
}
