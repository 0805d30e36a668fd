using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using SmartBranch.Portal.Modules.Help;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>The manual in the portal: contents, search with snippets, a section with its screenshots, the header's help link.</summary>
public sealed class HelpTests : PortalComponentTest
{
    private const string HelpRoot = "/portal/hirakawa/help";

    [Fact]
    public void Search_finds_sections_by_a_plain_Japanese_word_and_shows_it_in_its_context()
    {
        var manual = RenderManual(query: "差し戻し");

        Assert.Contains("「差し戻し」の検索結果", manual.Find("#manual-results-heading").TextContent);
        var hit = manual.FindAll(".manual-results li").Single(li => li.QuerySelector("a")!.TextContent == "セグメント配信");
        Assert.Equal($"{HelpRoot}/broadcast", hit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("差し戻し", hit.QuerySelector("mark")!.TextContent);
        Assert.True(hit.QuerySelector(".manual-snippet")!.TextContent.Length > "差し戻し".Length);
    }

    [Fact]
    public void Search_ignores_width_and_case()
    {
        var fullWidth = RenderManual(query: "ｃｓｖ").FindAll(".manual-results li a").Select(a => a.TextContent).ToList();

        Assert.Contains("監査ログ", fullWidth);
        Assert.Equal(fullWidth, RenderManual(query: "CSV").FindAll(".manual-results li a").Select(a => a.TextContent).ToList());
    }

    [Fact]
    public void A_search_without_results_says_so_and_suggests_what_to_try()
    {
        var manual = RenderManual(query: "宇宙旅行");

        Assert.Contains("「宇宙旅行」の検索結果：0 件", manual.Find("#manual-results-heading").TextContent);
        Assert.Contains("短い言葉や、別の言い方で探してください", manual.Markup);
        Assert.Empty(manual.FindAll(".manual-results"));
    }

    [Fact]
    public void The_contents_list_the_staff_sections_without_the_operators_ones()
    {
        var titles = RenderManual().FindAll(".manual-contents a").Select(a => a.TextContent).ToList();

        Assert.Contains("セグメント配信", titles);
        Assert.Contains("研修の配布資料（練習 1〜7）", titles);
        Assert.DoesNotContain(titles, t => t.StartsWith("運用コンソール", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_shows_its_screenshots_and_links_from_the_portal()
    {
        var section = RenderManual(section: "broadcast");

        Assert.Equal("セグメント配信", section.Find("article h1").TextContent);
        Assert.Contains(section.FindAll("article img"), img => img.GetAttribute("src") == $"{HelpRoot}/screenshots/broadcast-compose.png" && img.GetAttribute("alt")!.Length > 0);
        Assert.Empty(section.FindAll("article img[src^='..']"));
    }

    [Fact]
    public void Links_between_sections_stay_in_the_portal()
    {
        var section = RenderManual(section: "getting-started");

        Assert.Contains(section.FindAll("article a"), a => a.GetAttribute("href") == $"{HelpRoot}/staging");
    }

    [Fact]
    public void The_training_handout_prints_one_exercise_a_page()
    {
        var handout = RenderManual(section: "training-handout");

        Assert.Contains("manual-printout", handout.Find("article").ClassList);
        Assert.Equal(7, handout.FindAll("article h2").Count);
    }

    [Fact]
    public void An_unknown_or_an_operators_section_is_not_found_in_the_tenant_portal()
    {
        Assert.Equal("この項目は見つかりません", RenderManual(section: "nothing-here").Find("h1").TextContent);
        Assert.Equal("この項目は見つかりません", RenderManual(section: "ops-console").Find("h1").TextContent);
    }

    [Fact]
    public void The_help_link_opens_the_section_of_the_page_it_is_on()
    {
        var link = RenderHelpLink("/portal/{tenant}/reports/{id:guid}").Find("a.help-link");

        Assert.Equal($"{HelpRoot}/reports", link.GetAttribute("href"));
        Assert.Equal("この画面の手引き", link.TextContent);
    }

    [Fact]
    public void The_help_link_opens_the_contents_where_no_section_covers_the_page()
    {
        var link = RenderHelpLink(null).Find("a.help-link");

        Assert.Equal(HelpRoot, link.GetAttribute("href"));
        Assert.Equal("操作の手引き", link.TextContent);
    }

    private IRenderedComponent<ManualView> RenderManual(string? section = null, string? query = null) =>
        Render<ManualView>(p => p
            .Add(v => v.Audience, ManualAudience.Staff)
            .Add(v => v.SectionId, section)
            .Add(v => v.Query, query)
            .Add(v => v.HelpRoot, HelpRoot));

    private IRenderedComponent<HelpLink> RenderHelpLink(string? routeTemplate)
    {
        var context = new DefaultHttpContext();
        if (routeTemplate is not null)
        {
            context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(routeTemplate), 0, EndpointMetadataCollection.Empty, "page"));
        }

        return Render<HelpLink>(p => p.Add(l => l.HelpRoot, HelpRoot).AddCascadingValue(context));
    }
}
