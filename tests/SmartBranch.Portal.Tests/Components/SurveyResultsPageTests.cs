using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Portal.Modules.SurveyResults;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class SurveyResultsPageTests : PortalComponentTest
{
    private const string Hostile = "<img src=x onerror=alert(1)>";
    private static readonly Guid SurveyId = Guid.Parse("0195f0a0-0000-7000-8000-0000000000aa");

    private static readonly SegmentAttribute Area = new("area", "お住まいの地区", "District", false, [new("hiraka", "平賀地区", "Hiraka"), new("onoe", "尾上地区", "Onoe")]);

    private static readonly SurveyForm Form = new(
    [
        new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Choices: [new("yes", "はい"), new("no", "いいえ")]),
        new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見"),
    ]);

    private static readonly SurveyForm Earlier = new([new SurveyItem("phone", SurveyItemKind.Phone, "電話番号")]);

    private static readonly SurveyResultColumns Columns = SurveyResultColumns.From(new Dictionary<int, SurveyForm> { [1] = Earlier, [2] = Form }, current: 2);

    private readonly FakeSurveyResultsDesk _desk = new();

    public SurveyResultsPageTests()
    {
        Staff.UserId = "kikaku-1";
        Staff.Permissions.Add(SurveysPermissions.Results);
        Services.AddSingleton<ISurveyResultsDesk>(_desk);
        _desk.Report = new SurveyResultsReport(
            SurveyId, "公園アンケート", SurveyState.Open, Anonymous: false, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), 3, [(new DateOnly(2026, 11, 2), 1), (new DateOnly(2026, 11, 3), 2)],
            [
                new SurveyQuestionResult(Columns.Find("uses")!, 3, [new SurveyBar("はい", 2), new SurveyBar(Hostile, 1)]),
                new SurveyQuestionResult(Columns.Find("opinion")!, 2, []),
                new SurveyQuestionResult(Columns.Find("phone")!, 1, []),
            ],
            [Area], ShowsPersonalData: false);
    }

    [Fact]
    public void Counts_per_day_and_a_bar_table_per_question_with_numbers_as_text_and_a_removed_question_marked()
    {
        var page = Render<SurveyResultsPage>(p => p.Add(c => c.Tenant, "hirakawa").Add(c => c.SurveyId, SurveyId));

        Assert.Equal("「公園アンケート」の結果", page.Find("h1").TextContent);
        Assert.StartsWith("回答 3 件（公開中、受付 2026/11/01 09:00 〜 2026/12/01 00:00）", page.Find("[role=status]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["2026/11/02 1", "2026/11/03 2"], page.FindAll(".survey-per-day tbody tr").Select(r => string.Join(' ', r.Children.Select(c => c.TextContent))));
        var bars = page.FindAll("#question-uses .survey-bars tbody tr");
        Assert.Equal(["はい 2 件（67%）", $"{Hostile} 1 件（33%）"], bars.Select(r => $"{r.Children[0].TextContent} {r.QuerySelector(".survey-bar-count")!.TextContent}"));
        Assert.Equal("width: 67%", bars[0].QuerySelector(".survey-bar")!.GetAttribute("style"));
        Assert.Equal("true", bars[0].QuerySelector(".survey-bar")!.GetAttribute("aria-hidden"));
        Assert.Empty(page.FindAll("img"));
        Assert.Contains("削除された質問", page.Find("#question-phone h2").TextContent, StringComparison.Ordinal);
        Assert.Equal("/portal/hirakawa/surveys/0195f0a0-0000-7000-8000-0000000000aa/results?answers=opinion#survey-answers", page.Find("#question-opinion a").GetAttribute("href"));
        Assert.NotNull(page.Find("#survey-masked-notice"));
        Assert.Equal("/portal/hirakawa/surveys/0195f0a0-0000-7000-8000-0000000000aa/results/export", page.Find("form[method=post]").GetAttribute("action"));
        Assert.Equal(["Utf8", "ShiftJis"], page.FindAll("#survey-export-encoding option").Select(o => o.GetAttribute("value")));
        Assert.All(page.FindAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }

    [Fact]
    public void Free_text_answers_are_listed_inert_with_the_search_kept_and_the_respondent_masked()
    {
        _desk.Answers = new SurveyAnswerPage(
            [new SurveyListedAnswer(Guid.NewGuid(), new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero), null, Hostile, Masked: true)], 2, 20, 41, false);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/portal/hirakawa/surveys/{SurveyId}/results?answers=opinion&search=%E5%85%AC%E5%9C%92&page=2");

        var page = Render<SurveyResultsPage>(p => p.Add(c => c.Tenant, "hirakawa").Add(c => c.SurveyId, SurveyId));

        Assert.Equal(("opinion", (string?)"公園", 2), Assert.Single(_desk.AnswerRequests));
        Assert.Equal("「ご意見」への回答", page.Find("#survey-answers-heading").TextContent);
        Assert.Equal("公園", page.Find("#survey-answers-search").GetAttribute("value"));
        Assert.Equal(Hostile, page.Find(".survey-answer-text").TextContent);
        Assert.Empty(page.FindAll("img"));
        Assert.Equal("回答者: ***", page.Find(".survey-respondent").TextContent);
        Assert.Equal("2 / 3 ページ", page.Find(".pager span").TextContent);
        Assert.Equal(
            $"/portal/hirakawa/surveys/{SurveyId}/results?answers=opinion&search=%E5%85%AC%E5%9C%92&page=3#survey-answers",
            page.Find(".pager a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void A_cross_tab_is_an_accessible_table_whose_hidden_cells_say_so()
    {
        var tabulation = new SurveyCrossTabulation(Columns.Find("uses")!, Area);
        for (var i = 0; i < 7; i++)
        {
            tabulation.Add(new Dictionary<string, IReadOnlyList<string>> { ["uses"] = ["yes"] }, new Dictionary<string, string> { ["area"] = "hiraka" });
        }

        for (var i = 0; i < 2; i++)
        {
            tabulation.Add(new Dictionary<string, IReadOnlyList<string>> { ["uses"] = ["no"] }, new Dictionary<string, string> { ["area"] = "onoe" });
        }

        _desk.CrossTab = tabulation.Build();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/portal/hirakawa/surveys/{SurveyId}/results?crossQuestion=uses&crossAttribute=area");

        var page = Render<SurveyResultsPage>(p => p.Add(c => c.Tenant, "hirakawa").Add(c => c.SurveyId, SurveyId));

        var table = page.Find(".survey-cross-tab");
        Assert.Equal("「公園を使いますか」×お住まいの地区", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["選択肢", "平賀地区", "尾上地区", "未登録", "合計"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(
            ["はい 非表示 非表示 0 7", "いいえ 非表示 非表示 0 2", "回答者数 7 非表示 0 "],
            table.QuerySelectorAll("tbody tr, tfoot tr").Select(r => string.Join(' ', r.Children.Select(c => c.TextContent))));
        Assert.Contains("回答者を特定できないよう", page.Find("#survey-cross-tab").TextContent, StringComparison.Ordinal);
        Assert.Equal("uses", page.Find("#survey-cross-question option[selected]").GetAttribute("value"));
        Assert.All(table.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }

    [Fact]
    public void A_survey_that_is_not_there_is_explained()
    {
        _desk.Report = null;

        var page = Render<SurveyResultsPage>(p => p.Add(c => c.Tenant, "hirakawa").Add(c => c.SurveyId, SurveyId));

        Assert.Equal("アンケートが見つかりません。別の自治体・環境のものか、削除されています。", page.Find("[role=alert]").TextContent);
    }
}
