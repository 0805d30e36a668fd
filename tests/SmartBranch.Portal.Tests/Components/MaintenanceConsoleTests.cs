using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Maintenance;
using SmartBranch.Portal.Ops.Maintenance;
using SmartBranch.Portal.Shell;

namespace SmartBranch.Portal.Tests.Components;

public sealed class MaintenanceConsoleTests : PortalComponentTest
{
    private static MaintenanceWindowRequest Request(DateTime start, DateTime end) =>
        new("hirakawa", null, start, end, MaintenanceStops.ResidentPages, "システムの定期更新", "平川市役所 総務課", "0172-44-1111", null, false, null);

    [Fact]
    public void A_new_window_starts_as_the_earliest_planned_one_and_missing_texts_are_explained_without_saving()
    {
        var form = Render<MaintenanceWindowForm>();

        Assert.Equal("2026-12-16T22:00:00", form.Find("#maintenance-starts").GetAttribute("value"));
        Assert.Equal("2026-12-17T02:00:00", form.Find("#maintenance-ends").GetAttribute("value"));
        form.Find("form").Submit();

        var problems = form.FindAll("[role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["メンテナンスの理由を入力してください。", "住民向けの代わりの窓口を入力してください。", "代わりの窓口の電話番号を入力してください。"], problems);
        Assert.Empty(Maintenance.Scheduled);
    }

    [Fact]
    public void An_upcoming_window_keeps_its_scope_and_is_cancelled_with_a_reason()
    {
        var window = Maintenance.Add(Request(new DateTime(2026, 12, 20, 22, 0, 0), new DateTime(2026, 12, 21, 2, 0, 0)));
        var form = Render<MaintenanceWindowForm>(p => p.Add(f => f.WindowId, window.Id));

        Assert.Equal("12月20日(日) 22:00〜翌2:00", form.Find(".facts dd").TextContent);
        Assert.True(form.Find("#maintenance-tenant").HasAttribute("disabled"));
        form.FindAll("form")[1].Submit();
        Assert.Equal("中止の理由を 500 文字以内で入力してください。", form.Find("[role=alert] li").TextContent);

        form.Find("#maintenance-cancel-reason").Change("市の行事と重なるため");
        form.FindAll("form")[1].Submit();

        Assert.Equal("メンテナンスを中止しました。", form.Find("[role=status]").TextContent);
        Assert.Equal("終了または中止したメンテナンスは変更できません。", form.Find(".maintenance-closed").TextContent);
        Assert.True(form.Find("form fieldset").HasAttribute("disabled"));
    }

    [Fact]
    public void The_list_separates_current_upcoming_and_past_windows()
    {
        Maintenance.Add(Request(new DateTime(2026, 12, 1, 9, 0, 0), new DateTime(2026, 12, 1, 12, 0, 0)) with { IsEmergency = true, EmergencyReason = "障害対応" });
        Maintenance.Add(Request(new DateTime(2026, 12, 20, 22, 0, 0), new DateTime(2026, 12, 21, 2, 0, 0)) with { TenantSlug = null });

        var page = Render<MaintenanceListPage>();

        Assert.Contains("12月1日(火) 9:00〜12:00", page.Find("#maintenance-current").TextContent, StringComparison.Ordinal);
        Assert.Contains("緊急", page.Find("#maintenance-current").TextContent, StringComparison.Ordinal);
        Assert.Contains("全自治体", page.Find("#maintenance-upcoming").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#maintenance-past"));
    }

    [Fact]
    public void The_portal_banner_announces_a_window_within_its_notice_period_only_with_the_alternative()
    {
        Maintenance.Add(Request(new DateTime(2026, 12, 10, 22, 0, 0), new DateTime(2026, 12, 11, 2, 0, 0)));
        Maintenance.Add(Request(new DateTime(2026, 12, 20, 22, 0, 0), new DateTime(2026, 12, 21, 2, 0, 0)));

        var banner = Render<MaintenanceBanner>(p => p.Add(b => b.Tenant, TestDoubles.TestTenants.In("production")));

        var notice = Assert.Single(banner.FindAll(".maintenance-banner"));
        Assert.Equal("12月10日(木) 22:00〜翌2:00 はメンテナンスのため、住民向け画面（LINE からのお手続き）を停止します。理由: システムの定期更新", notice.QuerySelector("strong")!.TextContent);
        Assert.Contains("平川市役所 総務課（電話 0172-44-1111）", notice.TextContent, StringComparison.Ordinal);
    }
}
