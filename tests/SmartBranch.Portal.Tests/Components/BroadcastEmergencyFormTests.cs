using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Portal.Modules.Broadcast;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class BroadcastEmergencyFormTests : PortalComponentTest
{
    private readonly FakeBroadcastDesk _desk = new() { EmergencyRecipients = 1234 };

    public BroadcastEmergencyFormTests()
    {
        Services.AddSingleton<IBroadcastDeliveryDesk>(_desk);
        Staff.Permissions.Add(BroadcastPermissions.SendEmergency);
    }

    [Fact]
    public void Title_message_and_reason_are_all_required_before_the_confirm_step()
    {
        var form = RenderForm();

        form.Find("form").Submit();

        Assert.Equal(
            ["配信名を入力してください。", "本文を入力してください。", "緊急配信の理由を入力してください。"],
            form.FindAll(".form-error li").Select(li => li.TextContent));
        Assert.Empty(form.FindAll(".emergency-confirm"));
    }

    [Fact]
    public void The_confirm_step_names_how_many_friends_it_reaches_and_sending_opens_the_delivery()
    {
        var form = RenderForm();
        Fill(form);

        form.Find("form").Submit();

        Assert.Contains("友だち全員（1,234 人）に今すぐ送信します", form.Find(".emergency-confirm").TextContent, StringComparison.Ordinal);
        Assert.Empty(_desk.EmergenciesSent);

        form.Find(".send-button").Click();

        Assert.Equal([("避難指示", "平川地区に避難指示が出ました。", "大雨のため")], _desk.EmergenciesSent);
        Assert.EndsWith($"/portal/hirakawa/broadcasts/{_desk.EmergencyId}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_is_shown_in_japanese_and_the_text_is_kept()
    {
        _desk.Refusal = new BroadcastRuleException(["1 件目: 本文は 5,000 文字までです（5,001 文字あります）。"]);
        var form = RenderForm();
        Fill(form);
        form.Find("form").Submit();

        form.Find(".send-button").Click();

        Assert.Equal("1 件目: 本文は 5,000 文字までです（5,001 文字あります）。", form.Find(".form-error li").TextContent);
        Assert.Equal("平川地区に避難指示が出ました。", form.Find("#emergency-text").GetAttribute("value"));
    }

    [Fact]
    public void Without_the_permission_nothing_is_sent()
    {
        Staff.Permissions.Clear();
        var form = RenderForm();
        Fill(form);

        form.Find("form").Submit();

        Assert.Empty(form.FindAll(".emergency-confirm"));
        Assert.Contains("権限がない", form.Find(".form-error").TextContent, StringComparison.Ordinal);
    }

    private static void Fill(IRenderedComponent<BroadcastEmergencyForm> form)
    {
        form.Find("#emergency-title").Change("避難指示");
        form.Find("#emergency-text").Change("平川地区に避難指示が出ました。");
        form.Find("#emergency-reason").Change("大雨のため");
    }

    private IRenderedComponent<BroadcastEmergencyForm> RenderForm() =>
        Render<BroadcastEmergencyForm>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));
}

public sealed class BroadcastSettingsPanelTests : PortalComponentTest
{
    private readonly FakeBroadcastDesk _desk = new();

    public BroadcastSettingsPanelTests()
    {
        Services.AddSingleton<IBroadcastDeliveryDesk>(_desk);
        Staff.Permissions.Add(SmartBranch.Kernel.Authorization.KernelPermissions.TenantSettings);
    }

    [Fact]
    public void An_admin_turns_approval_off_and_is_warned_what_that_means()
    {
        var panel = Render<BroadcastSettingsPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));

        Assert.True(panel.Find("#approval-required").HasAttribute("checked"));
        panel.Find("#approval-required").Change(false);
        Assert.Contains("そのまま予約されます", panel.Find(".form-warning").TextContent, StringComparison.Ordinal);
        panel.Find("form").Submit();

        Assert.Equal(["approval required: False"], _desk.Actions);
        Assert.Equal("配信に承認は不要になりました。", panel.Find(".form-success").TextContent);
    }
}
