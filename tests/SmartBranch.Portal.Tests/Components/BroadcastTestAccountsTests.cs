using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Broadcast.Features.TestSend;
using SmartBranch.Portal.Modules.Broadcast.TestAccounts;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>Staff register their phones as test recipients with a code, see who receives test sends, and send a test.</summary>
public sealed class BroadcastTestAccountsTests : PortalComponentTest
{
    private readonly FakeBroadcastTestAccounts _testAccounts = new();

    public BroadcastTestAccountsTests()
    {
        Services.AddSingleton<IBroadcastTestAccounts>(_testAccounts);
        Services.AddSingleton<IBroadcastTestSends>(_testAccounts);
    }

    [Fact]
    public void Registering_shows_a_code_to_send_from_LINE_and_when_it_expires_in_Japan_time()
    {
        var panel = RenderPanel();
        Assert.Empty(panel.FindAll("#test-account-code"));
        Assert.Contains("まだ登録されていません。", panel.Markup);

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "テスト送信先に登録").Click();

        Assert.Equal("K7QP-M2XD", panel.Find("#test-account-code").TextContent);
        Assert.Contains("公式アカウントとのトーク画面を開き", panel.Markup);
        Assert.Contains("有効期限: 2026/04/01 10:10（10 分間）", panel.Markup);
    }

    [Fact]
    public void Everyone_who_receives_test_sends_is_listed_but_staff_remove_only_their_own()
    {
        var own = FakeBroadcastTestAccounts.Account("花子の iPhone", "user-1", "平川 花子", own: true);
        _testAccounts.Accounts.AddRange([own, FakeBroadcastTestAccounts.Account("太郎", "user-2", "平川 太郎", own: false)]);
        var panel = RenderPanel();

        var rows = panel.FindAll("tbody tr");
        Assert.Contains("平川 花子 （自分）", rows[0].TextContent);
        Assert.Contains("2026/04/01 08:30", rows[0].TextContent);
        Assert.Equal([1, 0], rows.Select(r => r.QuerySelectorAll("button").Length).ToList());

        rows[0].QuerySelector("button")!.Click();

        Assert.Equal("テスト送信先「花子の iPhone」を削除しました。", panel.Find("[role=status]").TextContent);
        Assert.Single(panel.FindAll("tbody tr"));
    }

    [Fact]
    public void An_admin_may_remove_anyones_and_a_refusal_is_shown_in_Japanese()
    {
        Staff.Permissions.Add(KernelPermissions.TenantSettings);
        _testAccounts.Accounts.Add(FakeBroadcastTestAccounts.Account("太郎", "user-2", "平川 太郎", own: false));
        _testAccounts.Refusal = "テスト送信先が見つかりません。すでに削除されています。";
        var panel = RenderPanel();

        panel.Find("tbody button").Click();

        Assert.Equal("テスト送信先が見つかりません。すでに削除されています。", panel.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void The_test_send_button_says_how_many_test_recipients_it_reached_or_why_it_could_not()
    {
        var deliveryId = Guid.NewGuid();
        _testAccounts.Accounts.AddRange([
            FakeBroadcastTestAccounts.Account("花子", "user-1", "平川 花子", own: true),
            FakeBroadcastTestAccounts.Account("太郎", "user-2", "平川 太郎", own: false)]);
        var button = Render<TestSendButton>(p => p.Add(b => b.DeliveryId, deliveryId));
        Assert.Contains("住民には届かず", button.Find(".hint").TextContent);

        button.Find("button").Click();

        Assert.Equal(deliveryId, Assert.Single(_testAccounts.TestSent));
        Assert.Equal("2 件のテスト送信先に送りました。", button.Find("[role=status]").TextContent);

        _testAccounts.Refusal = "テスト送信先が登録されていません。「テスト送信先」の画面で、自分の LINE アカウントを登録してください。";
        button.Find("button").Click();

        Assert.Equal(_testAccounts.Refusal, button.Find("[role=alert]").TextContent);
        Assert.Empty(button.FindAll("[role=status]"));
    }

    private IRenderedComponent<TestAccountsPanel> RenderPanel() =>
        Render<TestAccountsPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));
}
