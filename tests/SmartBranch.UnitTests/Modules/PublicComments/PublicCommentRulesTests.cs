using System.Text;
using SmartBranch.Kernel.Media;
using SmartBranch.Modules.Surveys.PublicComments.Commenting;
using SmartBranch.Modules.Surveys.PublicComments.Desk;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.UnitTests.Modules.PublicComments;

public sealed class PublicCommentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static PublicCommentSettings Settings(params PublicCommentIdentityField[] fields) =>
        PublicCommentSettings.New(Now) with { Title = "都市計画マスタープラン（案）", Department = "都市計画課", IdentityFields = fields };

    [Fact]
    public void A_new_case_runs_thirty_days_and_each_missing_or_oversize_setting_is_named()
    {
        var settings = PublicCommentSettings.New(Now);
        Assert.Equal(TimeSpan.FromDays(30), settings.ClosesAt - settings.OpensAt);

        var errors = PublicCommentRules.CheckSettings(settings with
        {
            Department = new string('課', PublicCommentCase.MaxDepartmentLength + 1),
            ClosesAt = settings.OpensAt,
        });

        Assert.Equal(["件名を入力してください。", "担当課は 100 文字までです（いまは 101 文字）。", "募集の締め切り日時は、開始日時より後にしてください。"], errors);
    }

    [Fact]
    public void A_case_goes_from_draft_to_open_to_closed_to_published_and_no_step_can_be_skipped()
    {
        var @case = PublicCommentCase.Create(Settings(PublicCommentIdentityField.Name), Now);
        Assert.Equal(PublicCommentAvailability.NotFound, @case.AvailabilityAt(Now));
        Assert.Throws<PublicCommentRuleException>(() => @case.Close(Now));
        Assert.Throws<PublicCommentRuleException>(() => @case.Publish("概要", "考え方", Now));

        @case.Open(Now);
        Assert.Equal(PublicCommentAvailability.Open, @case.AvailabilityAt(Now.AddDays(1)));
        Assert.Equal(PublicCommentAvailability.Closed, @case.AvailabilityAt(Now.AddDays(30)));
        Assert.Throws<PublicCommentRuleException>(() => @case.Open(Now));

        @case.Close(Now.AddDays(2));
        Assert.Equal((PublicCommentState.Closed, Now.AddDays(2)), (@case.State, @case.ClosesAt));
        Assert.Equal(PublicCommentAvailability.Closed, @case.AvailabilityAt(Now.AddDays(1)));
        var missing = Assert.Throws<PublicCommentRuleException>(() => @case.Publish("概要", " ", Now.AddDays(3)));
        Assert.Equal("市の考え方を入力してください。", missing.Message);

        @case.Publish("概要", "考え方", Now.AddDays(3));
        Assert.Equal((PublicCommentState.Published, Now.AddDays(3)), (@case.State, @case.PublishedAt));
        Assert.Throws<PublicCommentRuleException>(() => @case.Change(Settings(PublicCommentIdentityField.Name), Now.AddDays(4)));
    }

    [Fact]
    public void An_open_case_keeps_its_identity_fields_and_a_case_not_yet_begun_says_so()
    {
        var @case = PublicCommentCase.Create(Settings(PublicCommentIdentityField.Name) with { OpensAt = Now.AddDays(1), ClosesAt = Now.AddDays(31) }, Now);
        @case.Open(Now);

        Assert.Equal(PublicCommentAvailability.NotYetOpen, @case.AvailabilityAt(Now));
        Assert.Throws<PublicCommentRuleException>(() => @case.Change(Settings(PublicCommentIdentityField.Name, PublicCommentIdentityField.Phone), Now));
        @case.Change(Settings(PublicCommentIdentityField.Name) with { Title = "改題" }, Now);
        Assert.Equal("改題", @case.Title);
    }

    [Fact]
    public void Only_a_real_PDF_of_at_most_ten_megabytes_is_attached_whatever_its_name()
    {
        Assert.Null(PublicCommentDocuments.Refusal("%PDF-1.7\n"u8));
        Assert.Contains("PDF ファイルではありません", PublicCommentDocuments.Refusal("\x89PNG\r\n"u8), StringComparison.Ordinal);
        Assert.Contains("PDF ファイルではありません", PublicCommentDocuments.Refusal(" %PDF-1.7"u8), StringComparison.Ordinal);
        Assert.Equal("ファイルが空です。", PublicCommentDocuments.Refusal([]));
        var oversize = new byte[PublicCommentDocuments.MaxBytes + 1];
        Encoding.ASCII.GetBytes("%PDF-").CopyTo(oversize, 0);
        Assert.Contains("10 MB まで", PublicCommentDocuments.Refusal(oversize), StringComparison.Ordinal);

        Assert.Equal("計画案（概要版）", PublicCommentDocuments.TitleFrom("計画案（概要版）.PDF"));
        Assert.Equal("案", PublicCommentDocuments.TitleFrom("C:\\Users\\kikaku\\案.pdf"));
        Assert.Equal("資料", PublicCommentDocuments.TitleFrom(".pdf"));
        Assert.True(MediaFileName.IsValid(MediaFileName.Document(MediaFileName.NewId())));
        Assert.False(MediaFileName.IsImage(MediaFileName.Document(MediaFileName.NewId())));
    }

    [Fact]
    public void The_opinion_form_asks_the_chosen_identity_fields_then_the_opinion_and_refuses_an_oversize_one()
    {
        PublicCommentIdentityField[] fields = [PublicCommentIdentityField.Name, PublicCommentIdentityField.Category];
        Assert.Equal(["name", "category", "opinion"], PublicCommentOpinionForm.For(fields).Questions.Select(q => q.Key));

        var (entry, _) = PublicCommentOpinionForm.Check(fields, Given(("name", " 平川 太郎 "), ("category", "worker"), ("opinion", "賛成です。")));
        Assert.Equal("平川 太郎", entry!.Identity[PublicCommentIdentityField.Name]);
        Assert.Equal("市内に勤めている", PublicCommentOpinionForm.Display(PublicCommentIdentityField.Category, entry.Identity[PublicCommentIdentityField.Category]));
        Assert.Equal(entry.Identity, PublicCommentOpinionForm.ParseIdentity(PublicCommentOpinionForm.SerializeIdentity(entry.Identity)));

        var (refused, check) = PublicCommentOpinionForm.Check(fields,
            Given(("name", "平川 太郎"), ("category", "mayor"), ("opinion", new string('意', PublicCommentOpinionForm.MaxOpinionLength + 1))));
        Assert.Null(refused);
        Assert.Equal(["category", "opinion"], check.Errors.Select(e => e.QuestionKey));
    }

    private static Dictionary<string, IReadOnlyList<string>> Given(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)[v.Value]);
}
