using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Residents.Segments.Editing;
using SmartBranch.Portal.Modules.Segments;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>Admins edit the segment catalogue in staging, see what promotion would change, and are told in Japanese what to fix.</summary>
public sealed class SegmentCatalogEditorTests : PortalComponentTest
{
    private readonly FakeSegmentCatalogEditor _editor = new();

    public SegmentCatalogEditorTests() => Services.AddSingleton<ISegmentCatalogEditor>(_editor);

    [Fact]
    public void Breaking_the_rules_lists_every_problem_in_Japanese_and_keeps_what_was_typed()
    {
        var panel = RenderPanel();

        panel.Find("#attribute-0-ja").Change("");
        panel.Find("#consent-version").Change(" ");
        panel.Find("#add-attribute").Click();
        panel.Find("#attribute-1-key").Change("Snow Area");
        panel.Find("#save-segments").Click();

        var problems = panel.FindAll("[role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Equal(
        [
            "同意文の版を入力してください。",
            "属性のキー「Snow Area」は、英小文字・数字・ハイフンで 1〜40 文字にしてください（先頭にハイフンは使えません）。",
            "属性「1 番目」の名前（日本語）を入力してください。",
            "属性「2 番目」の名前（日本語）を入力してください。",
            "属性「2 番目」の名前（英語）を入力してください。",
            "属性「2 番目」に選択肢がありません。",
        ], problems);
        Assert.Equal("Snow Area", panel.Find("#attribute-1-key").GetAttribute("value"));
        Assert.Empty(_editor.Saved);
    }

    [Fact]
    public void A_value_residents_chose_keeps_its_key_and_cannot_be_removed_but_can_be_hidden()
    {
        var panel = RenderPanel();

        Assert.True(panel.Find("#attribute-0-value-0-key").HasAttribute("disabled"));
        Assert.False(panel.Find("#attribute-0-value-1-key").HasAttribute("disabled"));
        Assert.Equal("住民が選んでいるため、キーは変更できません。", panel.Find("#attribute-0-key-locked").TextContent);
        var rows = panel.FindAll(".segment-attribute tbody tr");
        Assert.DoesNotContain(rows[0].QuerySelectorAll("button"), b => b.TextContent == "削除");
        Assert.Contains(rows[1].QuerySelectorAll("button"), b => b.TextContent == "削除");

        panel.Find("#attribute-0-value-0-hidden").Change(true);
        panel.Find("#save-segments").Click();

        Assert.Equal("保存しました。", panel.Find("[role=status]").TextContent);
        Assert.True(Assert.Single(_editor.Saved).Attributes[0].Values[0].Hidden);
    }

    [Fact]
    public void Staging_shows_what_promotion_changes_and_promotes()
    {
        _editor.Changes = ["属性「お住まいの地区」: 選択肢を追加「碇ヶ関地区」（ikarigaseki）"];
        var panel = RenderPanel();

        Assert.Equal("属性「お住まいの地区」: 選択肢を追加「碇ヶ関地区」（ikarigaseki）", panel.Find("#segments-diff li").TextContent);
        panel.Find("#promote-segments").Click();

        Assert.Equal(1, _editor.Promotions);
        Assert.Equal("本番環境に反映しました。", panel.Find("[role=status]").TextContent);
        Assert.Contains("本番環境と同じです。", panel.Markup);
    }

    [Fact]
    public void Production_is_read_only_and_points_to_staging()
    {
        _editor.IsEditable = false;
        var panel = RenderPanel();

        Assert.Contains("ステージング環境に切り替えて編集し", panel.Find("#segments-read-only").TextContent);
        Assert.All(panel.FindAll("fieldset"), f => Assert.True(f.HasAttribute("disabled")));
        Assert.Empty(panel.FindAll("#save-segments"));
        Assert.Empty(panel.FindAll("#promote-segments"));
    }

    private IRenderedComponent<SegmentCatalogPanel> RenderPanel() =>
        Render<SegmentCatalogPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));
}
