using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Surveys;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Surveys;

/// <summary>A resident answers a survey on its LIFF page, through the real server with the emulator as LINE.</summary>
public abstract class SurveyPageTests(SurveysBed fixture)
{
    private const string Hostile = "<script>alert('x')</script> & \"引用\"";

    [Fact]
    public async Task A_resident_answers_confirms_and_is_thanked_in_LINE_without_any_of_their_answers()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("公園の使い方アンケート");
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);

        var page = await scenario.OpenAsync(browser, resident, surveyId);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("公園の使い方アンケート", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("q-uses", page.Document.QuerySelector("#question-which")!.GetAttribute("data-show-when"));
        Assert.Contains("「公園を使いますか」で「はい」と答えた方のみ", page.Document.QuerySelector("#question-which-condition")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("question-opinion-hint", page.Document.QuerySelector("#question-opinion-input")!.GetAttribute("aria-describedby"));
        Assert.Contains(SurveyPageEndpoints.ScriptPath, page.Body, StringComparison.Ordinal);

        // "which" is hidden by the answer "no": its answer is dropped.
        var confirmation = await SurveyScenario.PostAsync(browser, page,
            ("q-uses", "no"), ("q-which", "a"), ("q-opinion", Hostile), ("q-email", "ｔａｒｏ@example.jp"), ("step", "confirm"));
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Equal(["公園を使いますか", "ご意見", "連絡先のメールアドレス"], confirmation.Document.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal(["いいえ", Hostile, "taro@example.jp"], confirmation.Document.QuerySelectorAll("dd").Select(d => d.TextContent));
        Assert.DoesNotContain("<script>alert", confirmation.Body, StringComparison.Ordinal);

        var inboxBefore = (await bed.InboxAsync(resident)).Count;
        var done = await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("ご回答ありがとうございました", done.Document.QuerySelector("#survey-message")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(done.Document.QuerySelector("[data-clear-draft]"));

        var thanks = SurveyScenario.Text((await Eventually.GetAsync(() => bed.InboxAsync(resident), m => m.Count > inboxBefore, "the thank-you"))[^1]["message"]!.AsObject());
        Assert.Equal(SurveyPageText.ThankYou("公園の使い方アンケート"), thanks);
        Assert.DoesNotContain("alert", thanks, StringComparison.Ordinal);
        Assert.DoesNotContain("taro", thanks, StringComparison.Ordinal);

        var stored = await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyResponse>().AsNoTracking().SingleAsync(r => r.SurveyId == surveyId));
        var answers = SurveyAnswersJson.Parse(stored.AnswersJson);
        Assert.Equal((resident, 1), (stored.LineUserId, stored.FormVersion));
        Assert.Equal(["no"], answers["uses"]);
        Assert.Equal([Hostile], answers["opinion"]);
        Assert.Equal(["taro@example.jp"], answers["email"]);
        Assert.False(answers.ContainsKey("which"));

        var audited = await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == surveyId.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["surveys.survey.created", "surveys.form.saved", "surveys.survey.opened"], audited);
    }

    [Fact]
    public async Task Pressing_send_twice_stores_one_answer_and_says_it_was_already_received()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("二重送信の確認");
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var confirmation = await SurveyScenario.PostAsync(browser, await scenario.OpenAsync(browser, resident, surveyId), ("q-uses", "yes"), ("step", "confirm"));

        await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));
        var again = await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("すでに受け付けています", again.Document.QuerySelector("#survey-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId)));
        await bed.WaitUntilIdleAsync();
        Assert.Single(await bed.InboxAsync(resident), m => SurveyScenario.Text(m["message"]!.AsObject()).Contains("二重送信の確認", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_one_answer_survey_stores_no_LINE_user_id_and_refuses_a_second_answer()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("無記名アンケート", anonymous: true, oneAnswer: true);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var page = await scenario.OpenAsync(browser, resident, surveyId);
        Assert.Contains("このアンケートは無記名です", page.Body, StringComparison.Ordinal);
        var secondTab = await browser.GetAsync(SurveyScenario.PathOf(surveyId));

        await SurveyScenario.PostAsync(browser, await SurveyScenario.PostAsync(browser, page, ("q-uses", "yes"), ("step", "confirm")), ("step", "submit"));

        var (response, respondents) = await bed.InTenantAsync(SurveyScenario.Channel, async (db, _) =>
            (await db.Set<SurveyResponse>().AsNoTracking().SingleAsync(r => r.SurveyId == surveyId),
             await db.Set<SurveyRespondent>().AsNoTracking().Where(r => r.SurveyId == surveyId).Select(r => r.RespondentHash).ToListAsync()));
        Assert.Null(response.LineUserId);
        Assert.DoesNotContain(resident, response.AnswersJson, StringComparison.Ordinal);
        Assert.Equal(0, response.SubmittedAt.Minute + response.SubmittedAt.Second);
        Assert.Single(respondents);
        Assert.DoesNotContain(resident, respondents[0], StringComparison.Ordinal);

        var reopened = await browser.GetAsync(SurveyScenario.PathOf(surveyId));
        Assert.Equal(HttpStatusCode.Conflict, reopened.Status);
        Assert.Contains("すでに回答いただいています", reopened.Body, StringComparison.Ordinal);

        // The page opened before the first answer went in has a submission key of its own: refused all the same.
        var fromSecondTab = await SurveyScenario.PostAsync(browser, secondTab, ("q-uses", "no"), ("step", "submit"));
        Assert.Equal(HttpStatusCode.Conflict, fromSecondTab.Status);
        Assert.Equal(1, await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId)));
    }

    [Fact]
    public async Task A_survey_closed_while_the_page_was_open_refuses_the_answer_and_says_so()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("締め切りの確認");
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var confirmation = await SurveyScenario.PostAsync(browser, await scenario.OpenAsync(browser, resident, surveyId), ("q-uses", "yes"), ("step", "confirm"));

        await scenario.AsEditorAsync(async editor =>
        {
            await editor.CloseAsync(surveyId, CancellationToken.None);
            return true;
        });
        var refused = await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));

        Assert.Equal(HttpStatusCode.Gone, refused.Status);
        Assert.Contains("受付は終了しました", refused.Body, StringComparison.Ordinal);
        Assert.Equal(0, await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId)));
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(SurveyScenario.PathOf(surveyId))).Status);
    }

    [Fact]
    public async Task Bad_answers_are_explained_next_to_each_question_and_nothing_entered_is_lost()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("入力エラーの確認");
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var page = await scenario.OpenAsync(browser, resident, surveyId);

        var refused = await SurveyScenario.PostAsync(browser, page, ("q-opinion", "長い意見です"), ("q-email", "taro@"), ("step", "submit"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var summary = refused.Document.QuerySelector("#errors")!;
        Assert.Equal(("alert", "-1"), (summary.GetAttribute("role"), summary.GetAttribute("tabindex")));
        Assert.Equal(["#question-uses-input", "#question-email-input"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var email = refused.Document.QuerySelector("#question-email-input")!;
        Assert.Equal(("true", "question-email-hint question-email-error"), (email.GetAttribute("aria-invalid"), email.GetAttribute("aria-describedby")));
        Assert.Contains("メールアドレスの形が正しくありません", refused.Document.QuerySelector("#question-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("taro@", email.GetAttribute("value"));
        Assert.Equal("長い意見です", refused.Document.QuerySelector("#question-opinion-input")!.TextContent);
        Assert.Equal(0, await bed.InTenantAsync(SurveyScenario.Channel, (db, _) => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId)));
    }

    [Fact]
    public async Task A_LINE_user_who_is_not_a_friend_is_asked_to_add_the_account_first()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var surveyId = await scenario.PublishAsync("友だち限定");
        var stranger = await bed.CreateLineUserAsync();
        using var browser = new Browser(bed.App.Address);

        var page = await scenario.OpenAsync(browser, stranger, surveyId);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("友だち追加してから回答できます", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_survey_is_not_found_and_staff_without_the_edit_permission_cannot_publish()
    {
        var bed = await fixture.GetAsync();
        var scenario = new SurveyScenario(bed);
        var now = DateTimeOffset.UtcNow;
        var draft = await scenario.AsEditorAsync(editor => editor.CreateAsync(
            new SurveySettings("下書き", null, now, now.AddDays(1), false, false, false), CancellationToken.None));
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);

        var page = await scenario.OpenAsync(browser, resident, draft);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("アンケートが見つかりません", page.Body, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(TestStaff.Member("viewer-1", SurveysPermissions.View), async editor =>
        {
            await editor.OpenAsync(draft, CancellationToken.None);
            return true;
        }));
    }
}

public sealed class SqliteSurveyPageTests(SqliteSurveysBed fixture) : SurveyPageTests(fixture), IClassFixture<SqliteSurveysBed>;

public sealed class PostgresSurveyPageTests(PostgresSurveysBed fixture) : SurveyPageTests(fixture), IClassFixture<PostgresSurveysBed>;
