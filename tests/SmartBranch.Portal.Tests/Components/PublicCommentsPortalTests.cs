using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Modules.Surveys.PublicComments;
using SmartBranch.Modules.Surveys.PublicComments.Desk;
using SmartBranch.Modules.Surveys.PublicComments.Domain;
using SmartBranch.Portal.Modules.PublicComments;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class PublicCommentsPortalTests : PortalComponentTest
{
    private const string Hostile = "<script>alert('x')</script>";

    private readonly FakePublicCommentDesk _desk;

    public PublicCommentsPortalTests()
    {
        _desk = new FakePublicCommentDesk(Clock);
        Staff.Permissions.UnionWith([PublicCommentsPermissions.View, PublicCommentsPermissions.Edit, PublicCommentsPermissions.Opinions]);
        Services.AddSingleton<IPublicCommentDesk>(_desk);
    }

    [Fact]
    public async Task A_new_case_starts_now_in_Japan_time_for_thirty_days_and_a_refused_one_keeps_what_was_typed()
    {
        var form = RenderCaseForm(null);

        Assert.Equal("2026-12-01T10:00", form.Find("#public-comment-opens").GetAttribute("value"));
        Assert.Equal("2026-12-31T10:00", form.Find("#public-comment-closes").GetAttribute("value"));
        Assert.NotNull(form.Find("#public-comment-identity-Name").GetAttribute("checked"));
        Assert.Null(form.Find("#public-comment-identity-Phone").GetAttribute("checked"));
        form.Find("#public-comment-department").Change("都市計画課");
        form.Find("#public-comment-closes").Change("2026-11-30T10:00");

        form.Find("form").Submit();

        Assert.Equal(["件名を入力してください。", "募集の締め切り日時は、開始日時より後にしてください。"], form.FindAll("#public-comment-problems li").Select(l => l.TextContent));
        Assert.Equal("都市計画課", form.Find("#public-comment-department").GetAttribute("value"));
        Assert.Empty(await _desk.ListAsync(CancellationToken.None));
    }

    [Fact]
    public void A_draft_is_opened_and_a_file_that_is_not_a_PDF_is_refused_while_a_PDF_is_listed()
    {
        var id = _desk.Add(Settings("都市計画マスタープラン（案）"), PublicCommentState.Draft);
        var form = RenderCaseForm(id);

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("<html></html>"u8.ToArray(), "案.pdf", contentType: "application/pdf"));
        form.WaitForAssertion(() => Assert.Contains("PDF ファイルではありません", form.Find("#public-comment-problems").TextContent, StringComparison.Ordinal));
        Assert.NotNull(form.Find("#public-comment-no-documents"));

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary("%PDF-1.7\n%%EOF"u8.ToArray(), "計画案.pdf", contentType: "application/pdf"));
        form.WaitForAssertion(() => Assert.StartsWith("計画案 (1 KB)", form.Find("#public-comment-documents li").TextContent.Trim(), StringComparison.Ordinal));

        form.Find("#public-comment-open").Click();

        Assert.Equal(PublicCommentState.Open, _desk.Case(id).State);
        Assert.Contains("募集中", form.Find("#public-comment-state").TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.Find("#public-comment-close"));
        Assert.Empty(form.FindAll("[id^=public-comment-remove-]"));
    }

    [Fact]
    public void Staff_who_may_only_view_see_the_case_but_no_control_that_changes_it()
    {
        Staff.Permissions.ExceptWith([PublicCommentsPermissions.Edit, PublicCommentsPermissions.Opinions]);
        var id = _desk.Add(Settings("閲覧のみ"), PublicCommentState.Open);

        var form = RenderCaseForm(id);

        Assert.NotNull(form.Find("fieldset[disabled]"));
        Assert.Empty(form.FindAll("#public-comment-close, #public-comment-opinions-link, input[type=file]"));
    }

    [Fact]
    public void The_list_and_the_opinions_show_hostile_text_as_text_and_reading_the_opinions_goes_through_the_audited_desk()
    {
        var id = _desk.Add(Settings(Hostile), PublicCommentState.Closed);
        _desk.Opinions.Add(new PublicCommentOpinionView(1, Clock.GetUtcNow(),
            new Dictionary<PublicCommentIdentityField, string> { [PublicCommentIdentityField.Name] = Hostile, [PublicCommentIdentityField.Category] = "student" },
            $"一行目\n{Hostile}"));

        var list = Render<PublicCommentListPage>(p => p.Add(c => c.Tenant, "hirakawa"));
        var opinions = Render<PublicCommentOpinionsPage>(p => p.Add(c => c.Tenant, "hirakawa").Add(c => c.Id, id));

        Assert.Equal(Hostile, list.Find("#public-comment-table th[scope=row] a").TextContent);
        Assert.Empty(list.FindAll("script"));
        Assert.Equal(["番号", "受付日時", "氏名", "区分（市内在住・在勤・在学など）", "意見"], opinions.FindAll("#public-comment-opinions thead th").Select(h => h.TextContent));
        Assert.Equal(["2026/12/01 10:00", Hostile, "市内の学校に通っている", $"一行目\n{Hostile}"], opinions.FindAll("#public-comment-opinions tbody td").Select(d => d.TextContent));
        Assert.Empty(opinions.FindAll("script"));
        Assert.Equal(1, _desk.OpinionReadings);
    }

    [Fact]
    public void The_result_is_published_only_after_the_confirmation_is_ticked_and_a_missing_part_is_explained()
    {
        var id = _desk.Add(Settings("結果の公表"), PublicCommentState.Closed);
        _desk.Told = 12;
        var form = Render<PublicCommentResultForm>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "production").Add(s => s.CaseId, id));

        form.Find("#public-comment-summary").Change("除雪について多くのご意見がありました。");
        Assert.NotNull(form.Find("#public-comment-publish").GetAttribute("disabled"));
        form.Find("#public-comment-publish-confirm").Change(true);
        form.Find("#public-comment-publish").Click();

        Assert.Equal(["市の考え方を入力してください。"], form.FindAll("#public-comment-problems li").Select(l => l.TextContent));
        Assert.Equal("除雪について多くのご意見がありました。", form.Find("#public-comment-summary").GetAttribute("value"));
        Assert.Equal(PublicCommentState.Closed, _desk.Case(id).State);

        form.Find("#public-comment-response").Change("除雪計画を見直します。");
        form.Find("#public-comment-publish-confirm").Change(true);
        form.Find("#public-comment-publish").Click();

        Assert.Equal(PublicCommentState.Published, _desk.Case(id).State);
        Assert.Contains("12 人", form.Find("#public-comment-saved").TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.Find("#public-comment-published"));
        Assert.NotNull(form.Find("fieldset[disabled]"));
    }

    private static PublicCommentSettings Settings(string title) =>
        new(title, "都市計画課", "案の説明", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero),
            [PublicCommentIdentityField.Name, PublicCommentIdentityField.Category]);

    private IRenderedComponent<PublicCommentCaseForm> RenderCaseForm(Guid? caseId) =>
        Render<PublicCommentCaseForm>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "production").Add(s => s.CaseId, caseId));
}
