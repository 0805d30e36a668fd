using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.ImportFiles;
using SmartBranch.Modules.RichMenus.Features.Publish;
using SmartBranch.Portal.Modules.RichMenuPublishing;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>Staff see what LINE shows, publish and promote after a confirmation, and switch disaster mode with a plain-Japanese confirmation.</summary>
public sealed class RichMenuPublishingPanelTests : PortalComponentTest
{
    private readonly FakeRichMenuPublisher _publisher = new();
    private readonly FakeDisasterMode _disasterMode = new();

    public RichMenuPublishingPanelTests()
    {
        Services.AddSingleton<IRichMenuPublisher>(_publisher);
        Services.AddSingleton<IDisasterMode>(_disasterMode);
        Services.AddSingleton<IRichMenuFileImporter>(new FakeRichMenuFileImporter());
        Staff.Permissions.UnionWith([RichMenuPermissions.View, RichMenuPermissions.Edit, RichMenuPermissions.Publish, RichMenuPermissions.DisasterMode]);
    }

    [Fact]
    public void Disaster_mode_is_switched_on_only_after_a_confirmation_and_then_links_to_the_emergency_draft()
    {
        var panel = RenderPanel();
        Assert.Contains("防災モードは停止中です", panel.Find("#disaster-state").TextContent);

        panel.Find("#disaster-switch").Click();

        Assert.Empty(_disasterMode.Switches);
        Assert.Contains("LINE の友だち全員のメニューがすぐに防災メニュー", panel.Find("#disaster-confirm-text").TextContent);
        panel.Find("#disaster-confirm").Click();

        Assert.Equal([true], _disasterMode.Switches);
        Assert.Contains("防災モード 実施中", panel.Find("#disaster-state").TextContent);
        Assert.Contains("2026/12/01 10:00", panel.Find("#disaster-state").TextContent);
        Assert.Equal($"/portal/hirakawa/broadcasts/{FakeDisasterMode.Draft}", panel.Find("#disaster-draft").GetAttribute("href"));
        Assert.Equal("防災モードを終了する", panel.Find("#disaster-switch").TextContent);
    }

    [Fact]
    public void Without_a_published_disaster_menu_or_the_permission_there_is_no_switch()
    {
        _disasterMode.Status = _disasterMode.Status with { DisasterMenuPublished = false };
        var unpublished = RenderPanel();
        Staff.Permissions.Remove(RichMenuPermissions.DisasterMode);
        var notAllowed = RenderPanel();

        Assert.Empty(unpublished.FindAll("#disaster-switch"));
        Assert.Contains("先に防災メニューを公開してください", unpublished.Find("#disaster-unpublished").TextContent);
        Assert.Empty(notAllowed.FindAll("#disaster-switch"));
        Assert.Contains("防災モードを切り替える権限がありません", notAllowed.Markup);
    }

    [Fact]
    public void A_menu_changed_since_publishing_is_published_after_a_confirmation_and_LINEs_refusal_is_shown()
    {
        var panel = RenderPanel();
        var tab = panel.Find($"#menu-{FakeRichMenuPublisher.Tab}");
        Assert.Equal("変更あり（未公開）", tab.QuerySelector(".publish-status")!.TextContent);
        Assert.Null(panel.Find($"#menu-{FakeRichMenuPublisher.Default}").QuerySelector(".publish-button"));

        panel.Find($"#menu-{FakeRichMenuPublisher.Tab} .publish-button").Click();
        Assert.Contains("「標準（手続き）」を LINE に公開します。", panel.Find($"#publish-confirm-{FakeRichMenuPublisher.Tab}").TextContent);
        panel.Find($"#menu-{FakeRichMenuPublisher.Tab} .publish-confirm").Click();

        Assert.Equal([FakeRichMenuPublisher.Tab], _publisher.Published);
        Assert.Equal("公開中", panel.Find($"#menu-{FakeRichMenuPublisher.Tab} .publish-status").TextContent);

        _publisher.Refusal = "LINE がこのメニューを受け付けませんでした。（LINE の回答: areas[0].bounds: The bounds must lie within the rich menu）";
        panel.Find($"#menu-{FakeRichMenuPublisher.Disaster} .publish-button").Click();
        panel.Find($"#menu-{FakeRichMenuPublisher.Disaster} .publish-confirm").Click();

        Assert.Equal(_publisher.Refusal, panel.Find("#publishing-problem").TextContent);
        Assert.Equal("未公開", panel.Find($"#menu-{FakeRichMenuPublisher.Disaster} .publish-status").TextContent);
    }

    [Fact]
    public void Staging_promotes_after_a_confirmation_and_production_has_no_publish_or_promote_buttons()
    {
        var staging = RenderPanel();
        staging.Find("#promote").Click();
        staging.Find("#promote-confirm").Click();
        Assert.Equal("本番環境へ反映しました（公開 1 個、削除 0 個）。", staging.Find("[role=status]").TextContent.Trim());

        _publisher.IsStaging = false;
        var production = RenderPanel();

        Assert.Empty(production.FindAll("#promote"));
        Assert.Empty(production.FindAll(".publish-button"));
    }

    private IRenderedComponent<RichMenuPublishingPanel> RenderPanel() =>
        Render<RichMenuPublishingPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));
}
