using Bunit;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Portal.Ops.TrainingReset;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>An operator resets a city's staging for a training session only after typing its slug, and sees what was erased.</summary>
public sealed class StagingResetPanelTests : PortalComponentTest
{
    private IRenderedComponent<StagingResetPanel> RenderPanel() =>
        Render<StagingResetPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.TenantName, "平川市"));

    private static void Review(IRenderedComponent<StagingResetPanel> panel, string reason = "12 月 1 日の職員研修")
    {
        panel.Find("#staging-reset-reason").Change(reason);
        panel.Find("form").Submit();
    }

    [Fact]
    public void The_panel_says_what_is_erased_and_kept_and_resets_nothing_before_the_slug_is_typed()
    {
        var panel = RenderPanel();

        Assert.Contains("住民（友だち）", panel.Find(".staging-reset-scope").TextContent);
        Assert.Contains("職員と役割、監査ログ", panel.Find(".staging-reset-scope").TextContent);
        Assert.False(panel.Find("#staging-reset-definitions").HasAttribute("checked"));
        Review(panel);

        Assert.Contains("平川市のステージング環境のデータを消します", panel.Find("[role=alertdialog]").TextContent);
        Assert.Contains("定義は残します", panel.Find("[role=alertdialog]").TextContent);
        Assert.Empty(StagingReset.Calls);
    }

    [Fact]
    public void A_wrong_slug_is_refused_in_Japanese_and_nothing_is_reset()
    {
        var panel = RenderPanel();
        Review(panel);

        panel.Find("#staging-reset-slug").Change("hirakawa-city");
        panel.Find("[role=alertdialog] form").Submit();

        Assert.Equal("スラッグが違います。「hirakawa」と入力してください。", panel.Find("#staging-reset-error").TextContent);
        Assert.Empty(StagingReset.Calls);
    }

    [Fact]
    public void The_right_slug_resets_staging_with_the_reason_and_the_counts_are_shown()
    {
        var panel = RenderPanel();
        panel.Find("#staging-reset-definitions").Change(true);
        Review(panel);

        panel.Find("#staging-reset-slug").Change("hirakawa");
        panel.Find("[role=alertdialog] form").Submit();

        var (tenant, environment, options, reason) = Assert.Single(StagingReset.Calls);
        Assert.Equal(("hirakawa", TenantEnvironmentNames.Staging, true, "12 月 1 日の職員研修"), (tenant, environment, options.EraseDefinitions, reason));
        var result = panel.Find("#staging-reset-result").TextContent;
        Assert.Contains("デモ住民 20 人を作りました。", result);
        Assert.Contains("住民シミュレーターで、チャネルの友だちにしました。", result);
        Assert.Contains("住民（友だち）34", result.Replace("\n", "").Replace(" ", ""));
        Assert.Contains("写真・画像ファイル3", result.Replace("\n", "").Replace(" ", ""));
        Assert.Empty(panel.FindAll("#staging-reset-files-left"));
        Assert.Empty(panel.FindAll("[role=alertdialog]"));
    }

    [Fact]
    public void Files_the_store_could_not_delete_are_shown_as_a_count()
    {
        StagingReset.MediaFiles = new(Deleted: 5, Left: 2);
        var panel = RenderPanel();
        Review(panel);

        panel.Find("#staging-reset-slug").Change("hirakawa");
        panel.Find("[role=alertdialog] form").Submit();

        Assert.StartsWith("写真・画像ファイル 2 件を消せませんでした。", panel.Find("#staging-reset-files-left").TextContent);
        Assert.Contains("写真・画像ファイル5", panel.Find("#staging-reset-result").TextContent.Replace("\n", "").Replace(" ", ""));
    }

    [Fact]
    public void The_services_refusal_is_shown()
    {
        StagingReset.Refusal = "研修データのリセットは、運用事業者だけが行えます。";
        var panel = RenderPanel();
        Review(panel);

        panel.Find("#staging-reset-slug").Change("hirakawa");
        panel.Find("[role=alertdialog] form").Submit();

        Assert.Equal("研修データのリセットは、運用事業者だけが行えます。", panel.Find("#staging-reset-error").TextContent);
        Assert.Empty(panel.FindAll("#staging-reset-result"));
    }
}
