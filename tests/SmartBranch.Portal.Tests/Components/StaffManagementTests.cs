using Bunit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Modules.Staff;

namespace SmartBranch.Portal.Tests.Components;

public sealed class StaffManagementTests : PortalComponentTest
{
    [Fact]
    public void The_panel_acts_as_the_member_signed_in_to_its_circuit()
    {
        Authorization.SetAuthorized("管理 太郎");

        RenderPanel();

        Assert.Equal(["管理 太郎"], StaffLoader.LoadedNames);
    }

    [Fact]
    public void The_last_sign_in_is_shown_in_japan_time_whatever_the_servers_zone()
    {
        StaffDirectory.Members[0] = StaffDirectory.Members[0] with { LastSignInAt = new DateTimeOffset(2026, 4, 1, 15, 30, 0, TimeSpan.Zero) };

        var panel = RenderPanel();

        Assert.Contains("2026/04/02 00:30", panel.Find("table tbody tr").TextContent);
    }

    [Fact]
    public void Invites_a_member_with_roles_and_departments_and_lists_them()
    {
        var panel = RenderPanel();

        panel.Find("#invite-email").Change("sato@city.example.jp");
        panel.Find("#invite-name").Change("佐藤 次郎");
        panel.Find("#invite-role-viewer").Change(true);
        panel.Find("#invite-departments").Change("市民課、福祉課");
        panel.Find("#invite-email").Closest("form")!.Submit();

        var invited = Assert.Single(StaffDirectory.Members, m => m.Email == "sato@city.example.jp");
        Assert.Equal([StaffRoles.Staff, StaffRoles.Viewer], invited.Roles.Order());
        Assert.Equal(["市民課", "福祉課"], invited.Departments);
        panel.WaitForAssertion(() => Assert.Contains("佐藤 次郎", panel.Find("table").TextContent));
    }

    [Fact]
    public void A_refused_invitation_shows_the_directorys_message_inline()
    {
        StaffDirectory.Refusal = "このメールアドレスの職員はすでに登録されています。";
        var panel = RenderPanel();

        panel.Find("#invite-email").Change("admin@city.example.jp");
        panel.Find("#invite-name").Change("管理 太郎");
        panel.Find("#invite-email").Closest("form")!.Submit();

        var error = panel.Find("#invite-error");
        Assert.Equal("このメールアドレスの職員はすでに登録されています。", error.TextContent);
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal("invite-error", panel.Find("#invite-email").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Changes_roles_and_disables_a_member()
    {
        var panel = RenderPanel();

        panel.Find(".row-actions .button-secondary").Click();
        panel.Find("#edit-u-admin-role-staff").Change(true);
        panel.Find(".inline-editor").Submit();
        panel.Find(".row-actions .button-danger").Click();

        var member = Assert.Single(StaffDirectory.Members);
        Assert.Equal([StaffRoles.Admin, StaffRoles.Staff], member.Roles.Order());
        Assert.True(member.IsDisabled);
        Assert.Contains("無効", panel.Find(".badge").TextContent);
    }

    [Fact]
    public void Refusing_to_disable_the_last_admin_shows_why()
    {
        var panel = RenderPanel();
        StaffDirectory.Refusal = "最後の管理者は無効にできません。";

        panel.Find(".row-actions .button-danger").Click();

        Assert.Equal("最後の管理者は無効にできません。", panel.Find("[role=alert]").TextContent);
    }

    private IRenderedComponent<StaffPanel> RenderPanel() =>
        Render<StaffPanel>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "production"));
}
