using Bunit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Ops.Pages;
using SmartBranch.Portal.Ops.Tenants;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>An operator gives a city its admin from the console: field errors beside the fields, the admins listed, the link only without SMTP.</summary>
public sealed class TenantAdminsPanelTests : PortalComponentTest
{
    [Fact]
    public void Missing_name_and_bad_address_are_shown_beside_their_fields_and_nothing_is_sent()
    {
        var panel = RenderPanel();

        panel.Find("#admin-email").Change("kanri@@city");
        panel.Find("form").Submit();

        Assert.Equal("氏名を入力してください。", panel.Find("#admin-name-error").TextContent);
        Assert.Contains("メールアドレスの形式が正しくありません", panel.Find("#admin-email-error").TextContent);
        Assert.Equal("true", panel.Find("#admin-email").GetAttribute("aria-invalid"));
        Assert.Equal("admin-email-error", panel.Find("#admin-email").GetAttribute("aria-describedby"));
        Assert.Empty(AdminInvitations.Admins);
    }

    [Fact]
    public void An_invited_admin_is_listed_as_pending_with_a_success_message_and_no_link_when_mail_goes_out()
    {
        var panel = RenderPanel();
        Assert.Contains("管理者がいません", panel.Find("#no-tenant-admins").TextContent);

        Invite(panel, "平川 一郎", "ichiro@city.hirakawa.example.jp");

        Assert.Equal("平川 一郎 さんに招待メールを送りました。", panel.Find("#admin-invited").TextContent);
        var row = panel.Find("#tenant-admins tbody tr").TextContent;
        Assert.Contains("ichiro@city.hirakawa.example.jp", row);
        Assert.Contains("招待中", row);
        Assert.Empty(panel.FindAll("#admin-invitation-link"));
        Assert.DoesNotContain("accept-invitation", panel.Markup);
        Assert.Equal("", panel.Find("#admin-email").GetAttribute("value"));
    }

    [Fact]
    public void Without_SMTP_the_one_time_link_is_shown_once()
    {
        AdminInvitations.SmtpConfigured = false;
        var panel = RenderPanel();

        Invite(panel, "平川 一郎", "ichiro@city.hirakawa.example.jp");

        Assert.Contains("一度だけ表示されます", panel.Find("#admin-invitation-link").TextContent);
        Assert.Contains("accept-invitation?user=user-1", panel.Find("#admin-invitation-link code").TextContent);
        var again = RenderPanel();
        Assert.DoesNotContain("accept-invitation", again.Markup);
    }

    [Fact]
    public void An_active_admin_is_refused_beside_the_address_and_a_pending_one_is_sent_again()
    {
        AdminInvitations.Admins.Add(("hirakawa", new StaffMember("user-9", "kanri@city.hirakawa.example.jp", "管理 太郎", [StaffRoles.Admin], [], false, true, true, null)));
        var panel = RenderPanel();
        Assert.Contains("管理 太郎", panel.Find("#tenant-admins").TextContent);

        Invite(panel, "管理 太郎", "kanri@city.hirakawa.example.jp");
        Assert.Contains("すでに平川市の管理者です", panel.Find("#admin-email-error").TextContent);
        Assert.Empty(panel.FindAll("#admin-invited"));

        Invite(panel, "平川 一郎", "ichiro@city.hirakawa.example.jp");
        Invite(panel, "平川 一郎", "ichiro@city.hirakawa.example.jp");
        Assert.Contains("送り直しました。前のリンクは使えなくなりました", panel.Find("#admin-invited").TextContent);
        Assert.Equal(2, panel.FindAll("#tenant-admins tbody tr").Count);
    }

    [Fact]
    public void The_tenant_page_lists_the_admins_the_page_loaded()
    {
        AdminInvitations.Admins.Add(("hirakawa", new StaffMember("user-9", "kanri@city.hirakawa.example.jp", "管理 太郎", [StaffRoles.Admin], [], false, true, true, null)));

        var page = Render<TenantPage>(p => p.Add(t => t.Slug, "hirakawa"));

        Assert.Contains("管理 太郎", page.Find("#tenant-admins").TextContent);
        Assert.NotNull(page.Find("#admin-invite"));
    }

    private IRenderedComponent<TenantAdminsPanel> RenderPanel() => Render<TenantAdminsPanel>(p => p
        .Add(c => c.TenantSlug, "hirakawa")
        .Add(c => c.TenantName, "平川市")
        .Add(c => c.Admins, AdminInvitations.Admins.Where(a => a.Tenant == "hirakawa").Select(a => a.Admin).ToList()));

    private static void Invite(IRenderedComponent<TenantAdminsPanel> panel, string name, string email)
    {
        panel.Find("#admin-name").Change(name);
        panel.Find("#admin-email").Change(email);
        panel.Find("form").Submit();
    }
}
