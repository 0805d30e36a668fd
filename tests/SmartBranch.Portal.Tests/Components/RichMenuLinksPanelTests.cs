using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.RichMenus.Features.LinkResidents;
using SmartBranch.Portal.Modules.RichMenuLinks;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>Staff assign a segment menu to a segment and follow its progress on LINE, and set one resident's menu.</summary>
public sealed class RichMenuLinksPanelTests : PortalComponentTest
{
    private readonly FakeRichMenuLinks _links = new();

    public RichMenuLinksPanelTests()
    {
        Services.AddSingleton<IRichMenuLinks>(_links);
        Services.AddSingleton<ISegmentCatalog>(new FixedSegmentCatalog());
        Services.AddSingleton<IResidentAudience>(new FixedResidentAudience());
        Staff.Permissions.UnionWith([RichMenuPermissions.View, RichMenuPermissions.Assign]);
    }

    [Fact]
    public void A_menu_is_assigned_to_the_chosen_segment_and_its_progress_on_LINE_is_shown()
    {
        var panel = Render<RichMenuLinksPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));

        panel.Find("#assign").Click();
        Assert.Equal("割り当てるメニューを選んでください。", panel.Find("#links-problem").TextContent);
        panel.Find("#assign-menu").Change(FakeRichMenuLinks.SeniorsMenu.ToString());
        panel.Find("#assign").Click();
        Assert.Equal("対象の条件を 1 つ以上選んでください。", panel.Find("#links-problem").TextContent);
        panel.Find("#segment-g1-c1-attribute").Change("area");
        panel.Find("#segment-g1-c1-value-onoe").Change(true);
        panel.Find("#assign").Click();

        var assignment = Assert.Single(_links.Assignments);
        Assert.Equal(new AttributeIn("area", ["onoe"]).Values, Assert.IsType<AttributeIn>(assignment.Segment).Values);
        Assert.Contains("尾上地区", panel.Find($"#assignment-{assignment.Id}").TextContent);
        Assert.Contains("反映中", panel.Find("#runs .run-state").TextContent);
        Assert.Equal("0 / 1,200 人", panel.Find("#runs .run-progress").TextContent);
    }

    [Fact]
    public void Staff_who_may_only_view_see_the_assignments_but_no_form()
    {
        Staff.Permissions.Remove(RichMenuPermissions.Assign);
        _links.Assignments.Add(new RichMenuSegmentAssignmentView(Guid.CreateVersion7(), FakeRichMenuLinks.SeniorsMenu, "高齢の方向け", new AttributeIn("topic", ["disaster"]), FakeRichMenuLinks.Now));

        var panel = Render<RichMenuLinksPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));

        Assert.Empty(panel.FindAll("#assign"));
        Assert.Empty(panel.FindAll(".unassign"));
        Assert.Contains("防災・災害", panel.Markup);
    }

    [Fact]
    public void One_residents_menu_is_set_and_removed()
    {
        var resident = Guid.CreateVersion7();
        var panel = Render<ResidentRichMenuPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production").Add(c => c.ResidentId, resident));
        Assert.Contains("個別のメニューは設定されていません", panel.Find("#resident-menu").TextContent);

        panel.Find("#resident-menu-choice").Change(FakeRichMenuLinks.SeniorsMenu.ToString());
        panel.Find("#resident-menu-link").Click();
        Assert.Contains("個別のメニュー: 高齢の方向け", panel.Find("#resident-menu").TextContent);
        panel.Find("#resident-menu-unlink").Click();

        Assert.Empty(_links.Residents);
        Assert.Contains("個別のメニューは設定されていません", panel.Find("#resident-menu").TextContent);
    }
}
