using SmartBranch.Kernel.Authorization;
using Bunit;
using Microsoft.AspNetCore.Components;
using SmartBranch.Portal.Shell;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class ShellTests : PortalComponentTest
{
    [Fact]
    public void Staging_shows_the_permanent_banner_and_the_staging_colours()
    {
        UseTenant(TestTenants.In("staging"));

        var shell = RenderLayout();

        Assert.Contains("ステージング環境（練習用）— 住民には届きません", shell.Find(".staging-banner").TextContent);
        Assert.Contains("env-staging", shell.Find(".shell").ClassList);
        Assert.Equal("true", shell.Find("button[value=staging]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Production_has_no_banner_and_the_production_colours()
    {
        var shell = RenderLayout();

        Assert.Empty(shell.FindAll(".staging-banner"));
        Assert.Contains("env-production", shell.Find(".shell").ClassList);
    }

    [Fact]
    public void The_shell_speaks_English_when_asked()
    {
        UseCulture("en");
        UseTenant(TestTenants.In("staging"));

        var shell = RenderLayout();

        Assert.Contains("Staging environment (practice) — nothing reaches residents", shell.Markup);
        Assert.Contains("Hirakawa City", shell.Find(".brand-tenant").TextContent);
    }

    [Fact]
    public void Navigation_shows_only_the_items_the_staff_member_may_open()
    {
        Staff.Permissions.Add(PortalPermissions.DashboardView);

        var labels = RenderLayout().FindAll(".nav-link").Select(a => a.TextContent).ToList();

        Assert.Equal(["ダッシュボード"], labels);
    }

    [Fact]
    public void An_admin_sees_staff_management_after_the_dashboard()
    {
        Staff.Permissions.UnionWith([PortalPermissions.DashboardView, KernelPermissions.StaffManage]);

        var links = RenderLayout().FindAll(".nav-link");

        Assert.Equal(["/portal/hirakawa", "/portal/hirakawa/staff"], links.Select(a => a.GetAttribute("href")));
    }

    private IRenderedComponent<PortalLayout> RenderLayout() =>
        Render<PortalLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "body"))));
}
