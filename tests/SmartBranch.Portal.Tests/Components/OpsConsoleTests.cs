using Bunit;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Portal.Ops.Channels;
using SmartBranch.Portal.Ops.Pages;
using SmartBranch.Portal.Ops.Tenants;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class OpsConsoleTests : PortalComponentTest
{
    [Fact]
    public void Creating_a_tenant_shows_the_webhook_url_of_each_environment()
    {
        var form = Render<CreateTenantForm>();

        form.Find("#tenant-slug").Change("kuroishi");
        form.Find("#tenant-name").Change("黒石市");
        form.Find("#tenant-name-en").Change("Kuroishi City");
        form.Find("form").Submit();

        var created = Assert.Single(Administration.Created);
        Assert.Equal(("kuroishi", "黒石市", "Kuroishi City"), (created.Slug, created.Name, created.NameEn));
        Assert.Equal(["production", "staging"], created.Environments);
        var urls = form.FindAll(".webhook-url input").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(
            ["https://smartbranch.example.jp/line/kuroishi/production/webhook", "https://smartbranch.example.jp/line/kuroishi/staging/webhook"],
            urls);
        Assert.Contains("「黒石市」を作成しました", form.Find("h2").TextContent);
    }

    [Fact]
    public void A_refused_tenant_shows_the_reason_inline()
    {
        Administration.Refusal = "スラッグ「hirakawa」はすでに使われています。";
        var form = Render<CreateTenantForm>();

        form.Find("#tenant-slug").Change("hirakawa");
        form.Find("form").Submit();

        Assert.Equal("スラッグ「hirakawa」はすでに使われています。", form.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void The_tenant_page_never_renders_a_channel_secret_or_token()
    {
        var page = Render<TenantPage>(p => p.Add(t => t.Slug, "hirakawa"));

        Assert.DoesNotContain(TestTenants.StagingSecret, page.Markup);
        Assert.DoesNotContain(TestTenants.StagingToken, page.Markup);
        Assert.Contains("https://smartbranch.example.jp/line/hirakawa/staging/webhook", page.Markup);
        Assert.All(page.FindAll("input[type=password]"), input => Assert.Null(input.GetAttribute("value")));
    }

    [Fact]
    public void Saving_a_channel_sends_the_new_secret_and_empties_the_field()
    {
        var form = Render<LineChannelForm>(p => p
            .Add(f => f.TenantSlug, "hirakawa").Add(f => f.EnvironmentName, "staging")
            .Add(f => f.Mode, LineMode.Emulator).Add(f => f.ChannelId, "2000000001")
            .Add(f => f.HasChannelSecret, true).Add(f => f.HasChannelAccessToken, true));

        form.Find("input[type=password]").Change("a-brand-new-secret");
        form.Find("form").Submit();

        var (_, _, channel) = Assert.Single(Administration.ChannelUpdates);
        Assert.Equal(("a-brand-new-secret", null, "2000000001"), (channel.ChannelSecret, channel.ChannelAccessToken, channel.ChannelId));
        Assert.DoesNotContain("a-brand-new-secret", form.Markup);
        Assert.Equal("保存済み（変更するときだけ入力）", form.Find("input[type=password]").GetAttribute("placeholder"));
    }

    [Fact]
    public void The_connection_test_shows_lines_answer_in_japanese()
    {
        Administration.ConnectionTestResult = new(false, 401, null, null, "チャネルアクセストークンが無効です。", "req-9");
        var test = Render<LineConnectionTest>(p => p.Add(t => t.TenantSlug, "hirakawa").Add(t => t.EnvironmentName, "production"));

        test.Find("button").Click();

        Assert.Contains("接続できませんでした", test.Markup);
        Assert.Contains("チャネルアクセストークンが無効です。", test.Markup);
    }

    [Fact]
    public void Suspending_asks_for_a_reason_and_a_confirmation()
    {
        var form = Render<TenantStatusForm>(p => p
            .Add(f => f.TenantSlug, "hirakawa").Add(f => f.TenantName, "平川市").Add(f => f.Status, TenantStatus.Active));

        form.Find("#status-Suspended").Change(true);
        form.Find("#status-reason").Change("契約更新の手続き中");
        form.Find("form").Submit();
        Assert.Empty(Administration.StatusChanges);
        Assert.Contains("「平川市」のサービスを停止します", form.Find("[role=alertdialog]").TextContent);

        form.Find("[role=alertdialog] .button-danger").Click();

        Assert.Equal(("hirakawa", TenantStatus.Suspended, "契約更新の手続き中"), Assert.Single(Administration.StatusChanges));
        Assert.Contains("停止中", form.Find(".badge").TextContent);
    }
}
