using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.UnitTests.Modules.RichMenus;

public sealed class RichMenuRulesTests
{
    private static readonly RichMenuArea Home = new(new RichMenuBounds(0, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.Uri, "https://www.city.hirakawa.lg.jp/"));

    private static RichMenuDraft Draft(params RichMenuArea[] areas) =>
        new("平川市 標準", "メニュー", RichMenuRole.Default, null, true, areas.Length == 0 ? [Home] : areas);

    [Fact]
    public void A_menu_within_LINEs_rules_has_no_problems()
    {
        var draft = Draft(
            Home,
            new(new RichMenuBounds(1250, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.LiffPage, "reports/new", "通報")),
            new(new RichMenuBounds(0, 0, 10, 10), new RichMenuAction(RichMenuActionKind.Postback, "menu=garbage")),
            new(new RichMenuBounds(0, 0, 10, 10), new RichMenuAction(RichMenuActionKind.Message, "ごみの日")),
            new(new RichMenuBounds(0, 0, 10, 10), new RichMenuAction(RichMenuActionKind.SwitchTab, "tab-life")),
            new(new RichMenuBounds(0, 0, 10, 10), new RichMenuAction(RichMenuActionKind.Uri, "tel:0172440111")));

        Assert.Empty(RichMenuRules.Check(draft, 2500, 843));
    }

    [Fact]
    public void The_chat_bar_text_is_at_most_14_characters()
    {
        var fourteen = Draft() with { ChatBarText = "平川市のくらしと手続きのメニュ" [..14] };
        var fifteen = Draft() with { ChatBarText = "平川市のくらしと手続きのメニュー" };

        Assert.Empty(RichMenuRules.Check(fourteen, 2500, 843));
        var problem = Assert.Single(RichMenuRules.Check(fifteen, 2500, 843));
        Assert.Equal("chatBarText", problem.Field);
        Assert.Contains("14 文字以内", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Areas_outside_the_image_are_named_by_their_number()
    {
        var draft = Draft(Home, new RichMenuArea(new RichMenuBounds(1250, 0, 1251, 843), Home.Action));

        var problem = Assert.Single(RichMenuRules.Check(draft, 2500, 843));

        Assert.Equal(("areas[1].bounds", "領域 2 が画像（2500×843）からはみ出しています。"), (problem.Field, problem.Message));
    }

    [Fact]
    public void At_most_20_areas_and_at_least_one()
    {
        var twentyOne = Draft(Enumerable.Repeat(Home, 21).ToArray());

        Assert.Contains(RichMenuRules.Check(twentyOne, 2500, 843), p => p.Field == "areas" && p.Message.Contains("20 個まで", StringComparison.Ordinal));
        Assert.Contains(RichMenuRules.Check(Draft() with { Areas = [] }, 2500, 843), p => p.Field == "areas");
        Assert.Empty(RichMenuRules.Check(Draft(Enumerable.Repeat(Home, 20).ToArray()), 2500, 843));
    }

    [Theory]
    [InlineData(RichMenuActionKind.Uri, "www.city.hirakawa.lg.jp")]
    [InlineData(RichMenuActionKind.Uri, "javascript:alert(1)")]
    [InlineData(RichMenuActionKind.LiffPage, "/reports")]
    [InlineData(RichMenuActionKind.LiffPage, "../admin")]
    [InlineData(RichMenuActionKind.Postback, "")]
    [InlineData(RichMenuActionKind.Message, " ")]
    [InlineData(RichMenuActionKind.SwitchTab, "Tab Life")]
    public void Each_action_says_what_is_missing(RichMenuActionKind kind, string value)
    {
        var draft = Draft(new RichMenuArea(Home.Bounds, new RichMenuAction(kind, value)));

        var problem = Assert.Single(RichMenuRules.Check(draft, 2500, 843));

        Assert.Equal("areas[0].action", problem.Field);
        Assert.StartsWith("領域 1: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_needs_an_alias_LINE_accepts()
    {
        var tab = Draft() with { Role = RichMenuRole.Tab, TabAliasId = "くらし" };

        Assert.Equal("tabAliasId", Assert.Single(RichMenuRules.Check(tab, 2500, 843)).Field);
        Assert.Empty(RichMenuRules.Check(tab with { TabAliasId = "tab-life" }, 2500, 843));
    }

    [Fact]
    public void A_screen_reader_label_is_at_most_20_characters()
    {
        var draft = Draft(new RichMenuArea(Home.Bounds, Home.Action with { Label = new string('あ', 21) }));

        Assert.Contains("20 文字以内", Assert.Single(RichMenuRules.Check(draft, 2500, 843)).Message, StringComparison.Ordinal);
    }
}
