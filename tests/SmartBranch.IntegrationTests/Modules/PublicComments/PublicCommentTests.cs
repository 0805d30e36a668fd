using System.Net;
using Microsoft.EntityFrameworkCore;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Surveys;
using SmartBranch.Modules.Surveys.PublicComments;
using SmartBranch.Modules.Surveys.PublicComments.Commenting;
using SmartBranch.Modules.Surveys.PublicComments.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.PublicComments;

/// <summary>A public comment case from draft to published result, through the real server with the emulator as LINE.</summary>
public abstract class PublicCommentTests(SurveysBed fixture)
{
    private const string Hostile = "<script>alert('x')</script> & \"引用\"";

    [Fact]
    public async Task Residents_comment_staff_publish_the_result_and_every_participant_is_told_once_with_a_link_to_a_page_without_personal_data()
    {
        var bed = await fixture.GetAsync();
        var scenario = new PublicCommentScenario(bed);
        var caseId = await scenario.OpenCaseAsync("都市計画マスタープラン（案）");
        var (first, second) = (await scenario.FriendAsync(), await scenario.FriendAsync());
        using var firstBrowser = new Browser(bed.App.Address);
        using var secondBrowser = new Browser(bed.App.Address);

        var page = await scenario.OpenAsync(firstBrowser, first, caseId);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("都市計画マスタープラン（案）", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("担当: 都市計画課", page.Body, StringComparison.Ordinal);
        Assert.Contains("意見の募集期間:", page.Document.QuerySelector("#comment-period")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["question-name", "question-address", "question-category", "question-opinion"],
            page.Document.QuerySelectorAll("form .question").Select(q => q.Id));
        var documentLink = page.Document.QuerySelector("#comment-documents a")!;
        Assert.StartsWith("計画案（概要版）（PDF", documentLink.TextContent, StringComparison.Ordinal);

        using var anonymous = new Browser(bed.App.Address);
        var pdf = await anonymous.Client.GetAsync(documentLink.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PublicCommentScenario.Pdf, await pdf.Content.ReadAsByteArrayAsync());

        var confirmation = await SurveyScenario.PostAsync(firstBrowser, page,
            ("q-name", "平川 太郎"), ("q-address", "平川市柏木町藤山 25-6"), ("q-category", "resident"), ("q-opinion", Hostile), ("step", "confirm"));
        Assert.Equal(["氏名", "住所", "区分", "ご意見"], confirmation.Document.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal(["平川 太郎", "平川市柏木町藤山 25-6", "市内に住んでいる", Hostile], confirmation.Document.QuerySelectorAll("dd").Select(d => d.TextContent));
        Assert.DoesNotContain("<script>alert", confirmation.Body, StringComparison.Ordinal);
        var done = await SurveyScenario.PostAsync(firstBrowser, confirmation, ("step", "submit"));
        Assert.Contains("ご意見ありがとうございました", done.Document.QuerySelector("#survey-message")!.TextContent, StringComparison.Ordinal);
        await PublicCommentScenario.CommentAsync(secondBrowser, await scenario.OpenAsync(secondBrowser, second, caseId), "津軽 花子", "公園を増やしてください。");
        await PublicCommentScenario.CommentAsync(secondBrowser, await secondBrowser.GetAsync(PublicCommentScenario.PathOf(caseId)), "津軽 花子", "道路の除雪もお願いします。");

        var thanks = Text((await Eventually.GetAsync(() => bed.InboxAsync(first), m => m.Any(IsThanks), "the thank-you")).Last(IsThanks));
        Assert.Equal(PublicCommentText.ThankYou("都市計画マスタープラン（案）"), thanks);
        Assert.Equal((HttpStatusCode.NotFound, "この案件の結果は、まだ公表されていません。"),
            await ErrorAsync(anonymous, PublicCommentScenario.ResultPathOf(caseId)));

        var opinions = await scenario.AsEditorAsync(async desk =>
        {
            await desk.CloseAsync(caseId, CancellationToken.None);
            var received = await desk.OpinionsAsync(caseId, CancellationToken.None);
            var told = await desk.PublishAsync(caseId, "公園と除雪について 3 件のご意見がありました。", "公園の整備と除雪の強化を計画に加えます。", CancellationToken.None);
            Assert.Equal(2, told);
            return received;
        });
        Assert.Equal([1, 2, 3], opinions.Select(o => o.Number));
        Assert.Equal("平川 太郎", opinions[0].Identity[PublicCommentIdentityField.Name]);
        Assert.Equal(Hostile, opinions[0].Text);

        foreach (var participant in new[] { first, second })
        {
            var told = Text((await Eventually.GetAsync(() => bed.InboxAsync(participant), m => m.Any(IsResult), "the result message")).Single(IsResult));
            Assert.Contains(PublicCommentPaths.ResultPage(caseId), told, StringComparison.Ordinal);
            Assert.DoesNotContain("公園", told, StringComparison.Ordinal);
        }

        await bed.WaitUntilIdleAsync();
        Assert.Single(await bed.InboxAsync(second), IsResult);

        var result = await anonymous.GetAsync(PublicCommentScenario.ResultPathOf(caseId));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("寄せられたご意見: 3 件", result.Document.QuerySelector("#result-count")!.TextContent);
        Assert.Equal("公園と除雪について 3 件のご意見がありました。", result.Document.QuerySelector("#result-summary p")!.TextContent);
        Assert.Equal("公園の整備と除雪の強化を計画に加えます。", result.Document.QuerySelector("#result-response p")!.TextContent);
        foreach (var personal in new[] { "平川 太郎", "津軽 花子", "柏木町", "<script>", "alert", first, second })
        {
            Assert.DoesNotContain(personal, result.Body, StringComparison.Ordinal);
        }

        var closed = await firstBrowser.GetAsync(PublicCommentScenario.PathOf(caseId));
        Assert.Equal(HttpStatusCode.Gone, closed.Status);
        Assert.Equal(PublicCommentScenario.ResultPathOf(caseId), closed.Document.QuerySelector("#result-link")!.GetAttribute("href"));

        var audited = await bed.InTenantAsync(PublicCommentScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == caseId.ToString()).OrderBy(e => e.Sequence).Select(e => new { e.Action, e.TouchesPersonalData }).ToListAsync());
        Assert.Equal(
            ["publiccomments.case.created", "publiccomments.document.attached", "publiccomments.case.opened", "publiccomments.case.closed",
             "publiccomments.opinions.viewed", "publiccomments.result.published"],
            audited.Select(a => a.Action));
        Assert.Equal(["publiccomments.opinions.viewed"], audited.Where(a => a.TouchesPersonalData).Select(a => a.Action));

        static bool IsThanks(System.Text.Json.Nodes.JsonObject m) => Text(m).Contains("結果を公表するときに", StringComparison.Ordinal);
        static bool IsResult(System.Text.Json.Nodes.JsonObject m) => Text(m).Contains("市の考え方を公表しました", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_send_twice_stores_one_opinion_and_sends_one_thank_you()
    {
        var bed = await fixture.GetAsync();
        var scenario = new PublicCommentScenario(bed);
        var caseId = await scenario.OpenCaseAsync("二重送信の確認");
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var confirmation = await SurveyScenario.PostAsync(browser, await scenario.OpenAsync(browser, resident, caseId),
            ("q-name", "平川 太郎"), ("q-address", "平川市"), ("q-category", "worker"), ("q-opinion", "賛成です。"), ("step", "confirm"));

        await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));
        var again = await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("すでに受け付けています", again.Document.QuerySelector("#survey-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await bed.InTenantAsync(PublicCommentScenario.Channel, (db, _) => db.Set<PublicCommentOpinion>().CountAsync(o => o.CaseId == caseId)));
        await bed.WaitUntilIdleAsync();
        Assert.Single(await bed.InboxAsync(resident), m => Text(m).Contains("二重送信の確認", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_oversize_opinion_or_a_missing_identity_field_is_refused_with_everything_entered_kept()
    {
        var bed = await fixture.GetAsync();
        var scenario = new PublicCommentScenario(bed);
        var caseId = await scenario.OpenCaseAsync("入力エラーの確認");
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var page = await scenario.OpenAsync(browser, resident, caseId);
        var oversize = new string('意', PublicCommentOpinionForm.MaxOpinionLength + 1);

        var refused = await SurveyScenario.PostAsync(browser, page, ("q-name", "平川 太郎"), ("q-opinion", oversize), ("step", "confirm"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["#question-address-input", "#question-category-input", "#question-opinion-input"],
            refused.Document.QuerySelectorAll("#errors a").Select(a => a.GetAttribute("href")));
        Assert.Contains("4000", refused.Document.QuerySelector("#question-opinion-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(oversize, refused.Document.QuerySelector("#question-opinion-input")!.TextContent);
        Assert.Equal("平川 太郎", refused.Document.QuerySelector("#question-name-input")!.GetAttribute("value"));
        Assert.Equal(0, await bed.InTenantAsync(PublicCommentScenario.Channel, (db, _) => db.Set<PublicCommentOpinion>().CountAsync(o => o.CaseId == caseId)));
    }

    [Fact]
    public async Task Outside_the_period_or_without_the_friendship_no_opinion_is_taken_and_the_resident_is_told_why()
    {
        var bed = await fixture.GetAsync();
        var scenario = new PublicCommentScenario(bed);
        var later = await scenario.AsEditorAsync(async desk =>
        {
            var id = await desk.CreateAsync(PublicCommentScenario.Settings("来月からの募集", DateTimeOffset.UtcNow.AddDays(3), PublicCommentIdentityField.Name), CancellationToken.None);
            await desk.OpenAsync(id, CancellationToken.None);
            return id;
        });
        var draft = await scenario.AsEditorAsync(desk =>
            desk.CreateAsync(PublicCommentScenario.Settings("下書き", DateTimeOffset.UtcNow, PublicCommentIdentityField.Name), CancellationToken.None));
        var open = await scenario.OpenCaseAsync("締め切りの確認");
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);

        var notYet = await scenario.OpenAsync(browser, resident, later);
        Assert.Equal(HttpStatusCode.Forbidden, notYet.Status);
        Assert.Contains("受付は", notYet.Document.QuerySelector("#survey-message")!.TextContent, StringComparison.Ordinal);
        Assert.Null(notYet.Document.QuerySelector("form"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(PublicCommentScenario.PathOf(draft))).Status);

        var confirmation = await SurveyScenario.PostAsync(browser, await browser.GetAsync(PublicCommentScenario.PathOf(open)),
            ("q-name", "平川 太郎"), ("q-address", "平川市"), ("q-category", "student"), ("q-opinion", "意見です。"), ("step", "confirm"));
        await scenario.AsEditorAsync(async desk =>
        {
            await desk.CloseAsync(open, CancellationToken.None);
            return true;
        });
        var tooLate = await SurveyScenario.PostAsync(browser, confirmation, ("step", "submit"));
        Assert.Equal(HttpStatusCode.Gone, tooLate.Status);
        Assert.Contains("受付は終了しました", tooLate.Body, StringComparison.Ordinal);
        Assert.Equal(0, await bed.InTenantAsync(PublicCommentScenario.Channel, (db, _) => db.Set<PublicCommentOpinion>().CountAsync(o => o.CaseId == open)));

        var stranger = await bed.CreateLineUserAsync();
        using var strangersBrowser = new Browser(bed.App.Address);
        var notFriend = await scenario.OpenAsync(strangersBrowser, stranger, later);
        Assert.Equal(HttpStatusCode.Forbidden, notFriend.Status);
        Assert.Contains("友だち追加してから送れます", notFriend.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_PDF_is_refused_and_a_drafts_documents_are_not_served()
    {
        var bed = await fixture.GetAsync();
        var scenario = new PublicCommentScenario(bed);
        var (caseId, documentId, refusal) = await scenario.AsEditorAsync(async desk =>
        {
            var id = await desk.CreateAsync(PublicCommentScenario.Settings("資料の確認", DateTimeOffset.UtcNow, PublicCommentIdentityField.Name), CancellationToken.None);
            var error = await Assert.ThrowsAsync<PublicCommentRuleException>(() =>
                desk.AttachDocumentAsync(id, "案.pdf", "<html>not a pdf</html>"u8.ToArray(), CancellationToken.None));
            var document = await desk.AttachDocumentAsync(id, "案.pdf", PublicCommentScenario.Pdf, CancellationToken.None);
            return (id, document, error.Message);
        });
        Assert.Contains("PDF ファイルではありません", refusal, StringComparison.Ordinal);
        var details = await scenario.AsEditorAsync(desk => desk.GetAsync(caseId, CancellationToken.None));
        Assert.Equal(["案"], details.Documents.Select(d => d.Title));

        using var browser = new Browser(bed.App.Address);
        var documentPath = PublicCommentScenario.Channel.ResidentPath(PublicCommentPaths.Document(caseId, documentId));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(documentPath)).StatusCode);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(TestStaff.Member("viewer-1", PublicCommentsPermissions.View), async desk =>
        {
            await desk.OpenAsync(caseId, CancellationToken.None);
            return true;
        }));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(
            TestStaff.Member("viewer-1", PublicCommentsPermissions.View), desk => desk.OpinionsAsync(caseId, CancellationToken.None)));

        await scenario.AsEditorAsync(async desk =>
        {
            await desk.OpenAsync(caseId, CancellationToken.None);
            return true;
        });
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(documentPath)).StatusCode);
    }

    private static string Text(System.Text.Json.Nodes.JsonObject inboxEntry) => inboxEntry["message"]?["text"]?.GetValue<string>() ?? "";

    private static async Task<(HttpStatusCode, string)> ErrorAsync(Browser browser, string path)
    {
        var page = await browser.GetAsync(path);
        return (page.Status, page.Document.QuerySelector("[role=alert]")!.TextContent);
    }
}

public sealed class SqlitePublicCommentTests(SqliteSurveysBed fixture) : PublicCommentTests(fixture), IClassFixture<SqliteSurveysBed>;

public sealed class PostgresPublicCommentTests(PostgresSurveysBed fixture) : PublicCommentTests(fixture), IClassFixture<PostgresSurveysBed>;
