using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Surveys;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Editing;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Portal.Modules.Surveys;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class SurveyBuilderTests : PortalComponentTest
{
    private const string Hostile = "<script>alert('x')</script>";

    private static readonly DateTimeOffset Opens = new(2026, 12, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeSurveyEditor _editor = new();

    public SurveyBuilderTests()
    {
        Staff.Permissions.UnionWith([SurveysPermissions.View, SurveysPermissions.Edit]);
        Services.AddSingleton<ISurveyEditor>(_editor);
    }

    [Fact]
    public void A_new_survey_opens_at_the_next_full_hour_in_Japan_time_and_is_saved_with_its_questions_in_the_order_arranged()
    {
        var builder = RenderBuilder();
        Assert.Equal("2026-12-01T11:00", builder.Find("#survey-opens").GetAttribute("value"));
        Assert.Equal("2026-12-15T11:00", builder.Find("#survey-closes").GetAttribute("value"));

        builder.Find("#survey-title").Input("公園の使い方アンケート");
        builder.Find("#survey-item-1-label").Input("公園を使いますか");
        builder.Find("#survey-item-1-choice-1").Input("はい");
        builder.Find("#survey-item-1-choice-2").Input("いいえ");
        builder.Find("#survey-add-kind").Change(nameof(SurveyItemKind.LongText));
        builder.Find("#survey-add").Click();
        builder.Find("#survey-item-2-label").Input("ご意見");
        builder.Find("#survey-item-2-length-max").Input("500");
        builder.Find("#survey-add-kind").Change(nameof(SurveyItemKind.Section));
        builder.Find("#survey-add").Click();
        builder.Find("#survey-item-3-label").Input("はじめに");

        builder.Find("#survey-item-3-up").Click();
        builder.Find("#survey-item-2-up").Click();

        Assert.Equal("はじめに", builder.Find("#survey-item-1-label").GetAttribute("value"));
        Assert.Equal("公園を使いますか", builder.Find("#survey-item-2-label").GetAttribute("value"));
        Assert.Equal("はい", builder.Find("#survey-item-2-choice-1").GetAttribute("value"));
        Assert.True(builder.Find("#survey-item-1-up").HasAttribute("disabled"));
        Assert.True(builder.Find("#survey-item-3-down").HasAttribute("disabled"));

        builder.Find("form").Submit();

        var created = Assert.Single(_editor.Created);
        Assert.Equal(("公園の使い方アンケート", new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)), (created.Title, created.OpensAt));
        var (_, form) = Assert.Single(_editor.SavedForms);
        Assert.Equal([SurveyItemKind.Section, SurveyItemKind.SingleChoice, SurveyItemKind.LongText], form.Items.Select(i => i.Kind));
        Assert.Equal(["はい", "いいえ"], form.Items[1].Choices!.Select(c => c.Label));
        Assert.Equal(500, form.Items[2].MaxLength);
        Assert.Null(form.Items[0].Choices);
    }

    [Fact]
    public void A_condition_offers_only_earlier_choice_questions_and_saves_the_answers_picked()
    {
        var id = _editor.Add(Settings("条件のテスト"), form: new SurveyForm(
        [
            new SurveyItem("q1", SurveyItemKind.SingleChoice, "公園を使いますか", Choices: [new("c1", "はい"), new("c2", "いいえ")]),
            new SurveyItem("q2", SurveyItemKind.ShortText, "お名前"),
            new SurveyItem("q3", SurveyItemKind.LongText, "使わない理由"),
        ]));
        var builder = RenderBuilder(id);

        Assert.Empty(builder.FindAll("#survey-item-1-condition"));
        var options = builder.FindAll("#survey-item-3-condition option").Select(o => o.TextContent).ToList();
        Assert.Equal(["常に表示", "「公園を使いますか」の回答による"], options);

        builder.Find("#survey-item-3-condition").Change("q1");
        builder.Find("#survey-item-3-when-c2").Change(true);
        builder.Find("form").Submit();

        var saved = Assert.Single(_editor.SavedForms).Form.Items[2];
        Assert.Equal("q1", saved.ShowWhen!.QuestionKey);
        Assert.Equal(["c2"], saved.ShowWhen.AnyOf);
        Assert.Contains("第 2 版", builder.Find("#survey-notice").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_shown_beside_the_item_and_the_setting_they_concern_and_nothing_typed_is_lost()
    {
        var builder = RenderBuilder();
        builder.Find("#survey-title").Input("期間の誤り");
        builder.Find("#survey-closes").Change("2026-11-30T09:00");
        builder.Find("#survey-item-1-label").Input("好きな季節");
        builder.Find("#survey-item-1-choice-1").Input("春");
        builder.Find("#survey-add-kind").Change(nameof(SurveyItemKind.Number));
        builder.Find("#survey-add").Click();
        builder.Find("#survey-item-2-label").Input("年齢");
        builder.Find("#survey-item-2-range-min").Input("120");
        builder.Find("#survey-item-2-range-max").Input("十八");

        builder.Find("form").Submit();

        Assert.Empty(_editor.Created);
        Assert.Contains("締め切り日時は、受付開始日時より後に", builder.Find("#survey-settings-problems").TextContent, StringComparison.Ordinal);
        Assert.Contains("空の選択肢", builder.Find("#survey-item-1-problems").TextContent, StringComparison.Ordinal);
        Assert.Contains("「最大値」は半角の数字で", builder.Find("#survey-item-2-problems").TextContent, StringComparison.Ordinal);
        Assert.Equal("survey-item-2-problems", builder.Find("#survey-item-2").GetAttribute("aria-describedby"));
        Assert.Equal("alert", builder.Find("#survey-problem-summary").GetAttribute("role"));
        Assert.Equal("春", builder.Find("#survey-item-1-choice-1").GetAttribute("value"));
        Assert.Equal("十八", builder.Find("#survey-item-2-range-max").GetAttribute("value"));
        Assert.Equal("2026-11-30T09:00", builder.Find("#survey-closes").GetAttribute("value"));

        builder.Find("#survey-item-1-choice-2-remove").Click();
        builder.Find("#survey-item-2-range-max").Input("18");
        builder.Find("#survey-item-2-range-min").Input("0");
        builder.Find("#survey-closes").Change("2026-12-31T17:00");
        builder.Find("form").Submit();

        Assert.Single(_editor.Created);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 8, 0, 0, TimeSpan.Zero), _editor.Created[0].ClosesAt);
        Assert.Equal((0m, 18m), (Assert.Single(_editor.SavedForms).Form.Items[1].Min, _editor.SavedForms[0].Form.Items[1].Max));
    }

    [Fact]
    public void An_image_question_keeps_its_help_text_and_image_count_within_one_to_three_and_the_preview_shows_the_file_input()
    {
        var builder = RenderBuilder();
        builder.Find("#survey-title").Input("道路の写真");
        builder.Find("#survey-item-1-kind").Change(nameof(SurveyItemKind.Image));
        builder.Find("#survey-item-1-label").Input("写真");
        builder.Find("#survey-item-1-description").Input("場所がわかるように撮ってください。");
        builder.Find("#survey-item-1-max-images").Change("4");

        builder.Find("form").Submit();

        Assert.Empty(_editor.Created);
        Assert.Contains("画像の枚数は 1 から 3 枚まで", builder.Find("#survey-item-1-problems").TextContent, StringComparison.Ordinal);

        builder.Find("#survey-item-1-max-images").Change("2");
        builder.Find("#survey-preview-refresh").Click();
        var preview = builder.Find("#survey-preview").GetAttribute("srcdoc")!;
        Assert.Contains("type=\"file\"", preview, StringComparison.Ordinal);
        Assert.Contains("accept=\"image/jpeg,image/png\" multiple", preview, StringComparison.Ordinal);
        builder.Find("form").Submit();

        var item = Assert.Single(Assert.Single(_editor.SavedForms).Form.Items);
        Assert.Equal((SurveyItemKind.Image, 2, "場所がわかるように撮ってください。"), (item.Kind, item.MaxImages, item.Description));
    }

    [Fact]
    public void A_published_survey_says_its_questions_and_respondent_settings_are_fixed_and_saves_only_its_other_settings()
    {
        var id = _editor.Add(Settings("公開中のアンケート"), SurveyState.Open, new SurveyForm([new SurveyItem("q1", SurveyItemKind.ShortText, "ご意見")]));
        var builder = RenderBuilder(id);

        Assert.Contains("質問は変えられません", builder.Find("#survey-form-locked").TextContent, StringComparison.Ordinal);
        Assert.True(builder.Find("#survey-item-1-label").HasAttribute("disabled"));
        Assert.True(builder.Find("#survey-anonymous").HasAttribute("disabled"));
        Assert.Contains("survey-fixed-hint", builder.Find("#survey-anonymous").Closest("fieldset")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(builder.FindAll("#survey-add"));

        builder.Find("#survey-title").Input("公開中のアンケート（期間延長）");
        builder.Find("form").Submit();

        Assert.Equal("公開中のアンケート（期間延長）", Assert.Single(_editor.SettingsChanges).Settings.Title);
        Assert.Empty(_editor.SavedForms);
    }

    [Fact]
    public void Publishing_and_closing_ask_first_and_promotion_is_offered_only_in_staging()
    {
        var id = _editor.Add(Settings("公開の確認"), form: new SurveyForm([new SurveyItem("q1", SurveyItemKind.ShortText, "ご意見")]));
        var builder = RenderBuilder(id);
        Assert.Empty(builder.FindAll("#survey-promote"));

        builder.Find("#survey-open").Click();
        Assert.Contains("質問は変えられなくなります", builder.Find("#survey-confirm-text").TextContent, StringComparison.Ordinal);
        builder.Find("#survey-cancel").Click();
        Assert.Empty(_editor.Actions);

        builder.Find("#survey-open").Click();
        builder.Find("#survey-confirm").Click();
        Assert.Equal([(id, "open")], _editor.Actions);
        Assert.Equal("公開中", builder.Find("#survey-state .badge").TextContent);
        Assert.True(builder.Find("#survey-item-1-label").HasAttribute("disabled"));

        builder.Find("#survey-close").Click();
        builder.Find("#survey-confirm").Click();
        Assert.Equal("締め切り済み", builder.Find("#survey-state .badge").TextContent);
        Assert.True(builder.Find("#survey-save").HasAttribute("disabled"));
    }

    [Fact]
    public void In_staging_a_survey_is_promoted_to_production_as_a_draft_with_a_clear_message()
    {
        UseTenant(TestTenants.In("staging"));
        var id = _editor.Add(Settings("反映するアンケート"), form: new SurveyForm([new SurveyItem("q1", SurveyItemKind.ShortText, "ご意見")]));
        var builder = Render<SurveyBuilder>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "staging").Add(s => s.SurveyId, id));

        builder.Find("#survey-promote").Click();
        builder.Find("#survey-confirm").Click();

        Assert.Equal([(id, "promote")], _editor.Actions);
        Assert.Contains("本番環境に下書きとして反映しました", builder.Find("#survey-notice").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_stays_text_in_the_builder_and_in_the_sandboxed_preview()
    {
        var builder = RenderBuilder();
        builder.Find("#survey-title").Input(Hostile);
        builder.Find("#survey-item-1-label").Input(Hostile);
        builder.Find("#survey-item-1-choice-1").Input(Hostile);
        builder.Find("#survey-preview-refresh").Click();

        var preview = builder.Find("#survey-preview");
        var document = preview.GetAttribute("srcdoc")!;
        Assert.Equal("", preview.GetAttribute("sandbox"));
        Assert.DoesNotContain("<script>alert", document, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", document, StringComparison.Ordinal);
        Assert.Contains(SurveyPreview.Notice, document, StringComparison.Ordinal);
        Assert.Empty(builder.FindAll("script"));
        Assert.Equal(Hostile, builder.Find("#survey-item-1-label").GetAttribute("value"));
    }

    [Fact]
    public void The_list_shows_state_period_in_Japan_time_and_answer_counts_only_to_those_who_may_read_results()
    {
        var id = _editor.Add(Settings("子育てアンケート"), SurveyState.Open);
        _editor.AnswerCounts[id] = 1234;

        var withoutResults = Render<SurveyListPage>(p => p.Add(s => s.Tenant, "hirakawa"));
        var row = withoutResults.Find(".survey-table tbody tr");
        Assert.Contains("公開中", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026/12/10 09:00 – 2026/12/24 09:00", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(withoutResults.FindAll(".survey-answer-count"));
        Assert.NotNull(withoutResults.Find("#survey-new"));

        Staff.Permissions.Add(SurveysPermissions.Results);
        var withResults = Render<SurveyListPage>(p => p.Add(s => s.Tenant, "hirakawa"));
        Assert.Equal("1,234", withResults.Find(".survey-answer-count").TextContent);
    }

    private static SurveySettings Settings(string title) => new(title, null, Opens, Opens.AddDays(14), false, true, false);

    private IRenderedComponent<SurveyBuilder> RenderBuilder(Guid? surveyId = null) =>
        Render<SurveyBuilder>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "production").Add(s => s.SurveyId, surveyId));
}
