using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Portal;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Media;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Modules.Surveys.Images;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Surveys;

/// <summary>
/// Staff read a survey's results and export its answers through the real portal and sign-in: who may, what is masked for
/// whom, what is audited. Each test files its own survey straight into the database.
/// </summary>
public abstract class SurveyResultsPortalTests(PortalTestBed fixture)
{
    private const string Hostile = "<script>alert('x')</script>";
    private static readonly TestChannel Channel = LineTestBed.HirakawaProduction;

    private static readonly SurveyForm Form = new(
    [
        new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Choices: [new("yes", "はい"), new("no", "いいえ")]),
        new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見"),
        new SurveyItem("phone", SurveyItemKind.Phone, "電話番号"),
    ]);

    [Fact]
    public async Task Staff_who_may_see_residents_see_respondents_and_phone_numbers_and_reading_them_is_audited()
    {
        var bed = await fixture.GetAsync();
        var (surveyId, respondent) = await FileAsync(bed, anonymous: false, answers: 3);
        var (admin, user) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _admin = admin;

        var page = await admin.GetAsync($"/portal/hirakawa/surveys/{surveyId}/results");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("回答 3 件", page.Document.QuerySelector(".survey-total")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#survey-masked-notice"));

        var phones = await admin.GetAsync($"/portal/hirakawa/surveys/{surveyId}/results?answers=phone");
        Assert.Contains("0172-44-1111", phones.Document.QuerySelector("#survey-answers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(respondent, phones.Document.QuerySelector(".survey-respondent")!.TextContent, StringComparison.Ordinal);

        var opinions = await admin.GetAsync($"/portal/hirakawa/surveys/{surveyId}/results?answers=opinion&search=script");
        Assert.Equal(3, opinions.Document.QuerySelectorAll(".survey-answer-text").Length);
        Assert.DoesNotContain(Hostile, opinions.Body, StringComparison.Ordinal);
        Assert.Equal($"=1+1 {Hostile}", opinions.Document.QuerySelector(".survey-answer-text")!.TextContent);

        var audited = await AuditAsync(bed, user.UserId, surveyId);
        Assert.Equal([("surveys.answers.read", true), ("surveys.answers.read", true)], audited);
    }

    [Fact]
    public async Task A_contractor_sees_counts_but_respondents_and_phone_numbers_masked_even_in_the_export_and_a_viewer_is_refused()
    {
        var bed = await fixture.GetAsync();
        var (surveyId, respondent) = await FileAsync(bed, anonymous: false, answers: 2);
        var (contractor, user) = await PortalSession.SignInAsync(bed, StaffRoles.Contractor);
        using var _contractor = contractor;

        var page = await contractor.GetAsync($"/portal/hirakawa/surveys/{surveyId}/results");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#survey-masked-notice"));
        var phones = await contractor.GetAsync($"/portal/hirakawa/surveys/{surveyId}/results?answers=phone&search=0172");
        Assert.DoesNotContain("0172", phones.Document.QuerySelector("#survey-answers")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(respondent, phones.Body, StringComparison.Ordinal);
        Assert.Equal(["***", "***"], phones.Document.QuerySelectorAll(".survey-answer-text").Select(a => a.TextContent));

        using var export = await contractor.PostFormAsync(page, "/results/export", ("encoding", "Utf8"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(respondent, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("0172", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(await AuditAsync(bed, user.UserId, surveyId), e => e == ("surveys.answers.exported", false));

        var (viewer, _) = await PortalSession.SignInAsync(bed, StaffRoles.Viewer);
        using var _viewer = viewer;
        var refused = await viewer.GetAsync($"/portal/hirakawa/surveys/{surveyId}/results");
        var refusedExport = await viewer.PostWithTokenAsync($"/portal/hirakawa/surveys/{surveyId}/results/export", ("encoding", "Utf8"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.Forbidden, await viewer.FinalStatusAsync(refusedExport));
    }

    [Fact]
    public async Task The_export_streams_every_answer_in_shift_jis_with_the_japanese_time_and_refuses_an_unknown_encoding()
    {
        var bed = await fixture.GetAsync();
        var (surveyId, _) = await FileAsync(bed, anonymous: true, answers: 250);
        var (admin, user) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _admin = admin;
        var page = await admin.GetAsync($"/portal/hirakawa/surveys/{surveyId}/results");

        using var export = await admin.PostFormAsync(page, "/results/export", ("encoding", "ShiftJis"));

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("shift_jis", export.Content.Headers.ContentType?.CharSet);
        var text = CsvEncodings.For(CsvEncoding.ShiftJis).GetString(await export.Content.ReadAsByteArrayAsync());
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("回答ID,回答日時(日本時間),質問の版,公園を使いますか [uses],ご意見 [opinion],電話番号 [phone]", lines[0]);
        Assert.Equal(251, lines.Length);
        // An anonymous answer keeps only its hour; the formula is guarded and the markup stays text.
        Assert.Matches(@"^[0-9a-f-]{36},2026-04-01 10:00:00,1,(はい|いいえ),'=1\+1 <script>alert\('x'\)</script>,0172-44-1111$", lines[1]);
        Assert.Contains(await AuditAsync(bed, user.UserId, surveyId), e => e == ("surveys.answers.exported", true));

        using var bad = await admin.PostFormAsync(page, "/results/export", ("encoding", "EBCDIC"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Staff_who_may_see_residents_open_an_image_answer_each_view_audited_and_a_contractor_sees_none_of_it()
    {
        var bed = await fixture.GetAsync();
        var (surveyId, imageId) = await FileImageAsync(bed);
        var (admin, user) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _admin = admin;
        var path = $"/portal/hirakawa/surveys/{surveyId}/results?answers=photo";

        var list = await admin.GetAsync(path);
        Assert.Equal("画像 1 枚", list.Document.QuerySelector(".survey-answer-text")!.TextContent);
        Assert.Null(list.Document.QuerySelector("#survey-answers-search"));
        var thumbnail = list.Document.QuerySelector(".survey-answer-images img")!.GetAttribute("src")!;
        var full = list.Document.QuerySelector(".survey-answer-images a")!.GetAttribute("href")!;
        foreach (var url in new[] { thumbnail, full })
        {
            using var image = await admin.Client.GetAsync(url);
            Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (image.StatusCode, image.Content.Headers.ContentType?.MediaType));
            Assert.True(image.Headers.CacheControl is { Private: true, NoStore: true });
        }

        using (var elsewhere = await admin.Client.GetAsync(full.Replace(imageId, MediaFileName.NewId(), StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        Assert.Equal(
            [("surveys.answers.read", true), ("surveys.answers.image_viewed", true), ("surveys.answers.image_viewed", true)],
            await AuditAsync(bed, user.UserId, surveyId));

        var (contractor, contractorUser) = await PortalSession.SignInAsync(bed, StaffRoles.Contractor);
        using var _contractor = contractor;
        var masked = await contractor.GetAsync(path);
        Assert.Equal("***", masked.Document.QuerySelector(".survey-answer-text")!.TextContent);
        Assert.Null(masked.Document.QuerySelector(".survey-answer-images"));
        using (var refused = await contractor.Client.GetAsync(full))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.DoesNotContain(await AuditAsync(bed, contractorUser.UserId, surveyId), e => e.Action == "surveys.answers.image_viewed");
    }

    /// <summary>An open identified survey with one answer carrying one image, kept as a resident's upload is.</summary>
    private static Task<(Guid SurveyId, string ImageId)> FileImageAsync(LineTestBed bed) =>
        bed.InTenantAsync(Channel, async (db, services) =>
        {
            var opened = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var survey = Survey.Create(new SurveySettings("道路の写真", null, opened, opened.AddYears(10), false, false, false), opened);
            db.Add(survey);
            db.Add(SurveyFormVersion.Save(survey.Id, 1, SurveyFormJson.Serialize(new SurveyForm([new SurveyItem("photo", SurveyItemKind.Image, "写真")])), opened));
            survey.UseForm(1, opened);
            survey.Open(opened);
            using var upload = new MemoryStream(SurveyImageTests.Jpeg());
            var imageId = await services.GetRequiredService<SurveyImages>().KeepAsync(upload, CancellationToken.None);
            var json = SurveyAnswersJson.Serialize(new Dictionary<string, IReadOnlyList<string>> { ["photo"] = [imageId] });
            db.Add(SurveyResponse.Submit(survey, "key-image", $"U{Guid.NewGuid():N}", json, "{}", opened.AddDays(1)));
            await db.SaveChangesAsync();
            return (survey.Id, imageId);
        });

    /// <summary>An open survey with <paramref name="answers"/> answers (the first at 01:00 UTC on 1 April 2026), all from one resident.</summary>
    private static Task<(Guid SurveyId, string Respondent)> FileAsync(LineTestBed bed, bool anonymous, int answers) =>
        bed.InTenantAsync(Channel, async (db, _) =>
        {
            var opened = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var survey = Survey.Create(new SurveySettings("公園アンケート", null, opened, opened.AddYears(10), anonymous, false, false), opened);
            db.Add(survey);
            db.Add(SurveyFormVersion.Save(survey.Id, 1, SurveyFormJson.Serialize(Form), opened));
            survey.UseForm(1, opened);
            survey.Open(opened);
            var respondent = $"U{Guid.NewGuid():N}";
            for (var i = 0; i < answers; i++)
            {
                var json = SurveyAnswersJson.Serialize(new Dictionary<string, IReadOnlyList<string>>
                {
                    ["uses"] = [i % 2 == 0 ? "yes" : "no"], ["opinion"] = [$"=1+1 {Hostile}"], ["phone"] = ["0172-44-1111"],
                });
                db.Add(SurveyResponse.Submit(survey, $"key-{i}", respondent, json, "{}", new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero).AddMinutes(i)));
            }

            await db.SaveChangesAsync();
            return (survey.Id, respondent);
        });

    private static Task<List<(string Action, bool TouchesPersonalData)>> AuditAsync(LineTestBed bed, string userId, Guid surveyId) =>
        bed.InTenantAsync(Channel, async (db, _) => (await db.AuditEntries.IgnoreQueryFilters()
                .Where(e => e.ActorUserId == userId && e.TargetId == surveyId.ToString()).OrderBy(e => e.Sequence)
                .Select(e => new { e.Action, e.TouchesPersonalData }).ToListAsync())
            .Select(e => (e.Action, e.TouchesPersonalData)).ToList());
}

public sealed class SqliteSurveyResultsPortalTests(SqlitePortalTestBed fixture) : SurveyResultsPortalTests(fixture), IClassFixture<SqlitePortalTestBed>;

public sealed class PostgresSurveyResultsPortalTests(PostgresPortalTestBed fixture) : SurveyResultsPortalTests(fixture), IClassFixture<PostgresPortalTestBed>;
