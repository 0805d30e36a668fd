using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.UnitTests.Modules.Surveys;

public sealed class SurveyFormRulesTests
{
    private static readonly SurveyChoice[] YesNo = [new("yes", "はい"), new("no", "いいえ")];

    [Fact]
    public void A_form_of_every_kind_with_a_backward_condition_passes_and_survives_its_JSON()
    {
        var form = new SurveyForm(
        [
            new SurveyItem("intro", SurveyItemKind.Section, "はじめに", "市の公園についてお聞きします。"),
            new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Required: true, Choices: YesNo),
            new SurveyItem("which", SurveyItemKind.MultipleChoice, "どの公園ですか", Choices: [new("a", "A公園"), new("b", "B公園")], MinChoices: 1, MaxChoices: 2,
                ShowWhen: new SurveyCondition("uses", ["yes"])),
            new SurveyItem("area", SurveyItemKind.Dropdown, "地区", Choices: [new("hiraka", "平賀")]),
            new SurveyItem("name", SurveyItemKind.ShortText, "お名前", MaxLength: 50),
            new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見"),
            new SurveyItem("age", SurveyItemKind.Number, "年齢", Min: 0, Max: 120),
            new SurveyItem("visited", SurveyItemKind.Date, "訪れた日"),
            new SurveyItem("phone", SurveyItemKind.Phone, "電話番号"),
            new SurveyItem("email", SurveyItemKind.Email, "メールアドレス"),
            new SurveyItem("postal", SurveyItemKind.PostalCode, "郵便番号"),
            new SurveyItem("score", SurveyItemKind.Rating, "満足度", Max: 5),
            new SurveyItem("photo", SurveyItemKind.Image, "写真", "壊れている場所の写真を送ってください。", MaxImages: 3),
        ]);

        Assert.Empty(SurveyFormRules.Check(form));
        var again = SurveyFormJson.Parse(SurveyFormJson.Serialize(form));
        Assert.Equal(form.Items, again.Items, (a, b) => SurveyFormJson.Serialize(new SurveyForm([a])) == SurveyFormJson.Serialize(new SurveyForm([b])));
        Assert.Contains("\"kind\":\"MultipleChoice\"", SurveyFormJson.Serialize(form), StringComparison.Ordinal);
        Assert.Contains("公園を使いますか", SurveyFormJson.Serialize(form), StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_must_point_back_to_an_earlier_choice_question_and_its_choices()
    {
        var forward = Check(
            new SurveyItem("later", SurveyItemKind.ShortText, "理由", ShowWhen: new SurveyCondition("uses", ["yes"])),
            new SurveyItem("uses", SurveyItemKind.SingleChoice, "使いますか", Choices: YesNo));
        var missing = Check(new SurveyItem("q", SurveyItemKind.ShortText, "理由", ShowWhen: new SurveyCondition("nowhere", ["yes"])));
        var text = Check(
            new SurveyItem("name", SurveyItemKind.ShortText, "名前"),
            new SurveyItem("q", SurveyItemKind.ShortText, "理由", ShowWhen: new SurveyCondition("name", ["x"])));
        var unknownChoice = Check(
            new SurveyItem("uses", SurveyItemKind.SingleChoice, "使いますか", Choices: YesNo),
            new SurveyItem("q", SurveyItemKind.ShortText, "理由", ShowWhen: new SurveyCondition("uses", ["maybe"])));

        Assert.Contains(forward, e => e.Contains("この項目より前の質問を指してください", StringComparison.Ordinal));
        Assert.Contains(missing, e => e.Contains("指す質問「nowhere」がありません", StringComparison.Ordinal));
        Assert.Contains(text, e => e.Contains("選択式か評価の質問だけです", StringComparison.Ordinal));
        Assert.Contains(unknownChoice, e => e.Contains("選択肢を 1 つ以上、正しく指定してください", StringComparison.Ordinal));
    }

    [Fact]
    public void Choices_must_be_there_unique_and_counts_sane()
    {
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.SingleChoice, "質問", Choices: [])), e => e.Contains("選択肢を 1 つ以上追加してください", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.Dropdown, "質問", Choices: [new("a", "A"), new("a", "B")])), e => e.Contains("キーが重なっています", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.SingleChoice, "質問", Choices: [new("a", " ")])), e => e.Contains("空の選択肢", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.MultipleChoice, "質問", Choices: YesNo, MinChoices: 2, MaxChoices: 1)), e => e.Contains("選ぶ数は", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.MultipleChoice, "質問", Choices: YesNo, MaxChoices: 3)), e => e.Contains("選ぶ数は", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.SingleChoice, "質問", Choices: YesNo, MaxChoices: 1)), e => e.Contains("複数選択の質問にだけ", StringComparison.Ordinal));
    }

    [Fact]
    public void Lengths_and_ranges_must_be_sane()
    {
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.ShortText, "質問", MaxLength: 500)), e => e.Contains("1 から 200 まで", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.LongText, "質問", MinLength: 10, MaxLength: 5)), e => e.Contains("下限は 0 以上かつ上限以下", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.Number, "質問", Min: 10, Max: 1)), e => e.Contains("最小値（10）が最大値（1）より大きく", StringComparison.Ordinal));
        Assert.Contains(Check(new SurveyItem("q", SurveyItemKind.Rating, "質問", Max: 11)), e => e.Contains("2 から 10 までの整数", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_labels_and_sections_are_checked()
    {
        var errors = Check(
            new SurveyItem("1bad", SurveyItemKind.ShortText, ""),
            new SurveyItem("dup", SurveyItemKind.ShortText, "質問"),
            new SurveyItem("dup", SurveyItemKind.ShortText, "質問"),
            new SurveyItem("head", SurveyItemKind.Section, "見出し", Required: true));

        Assert.Contains(errors, e => e.StartsWith("1 番目の項目", StringComparison.Ordinal) && e.Contains("英字で始めてください", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("質問文を入力してください", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("3 番目の項目", StringComparison.Ordinal) && e.Contains("キー「dup」がほかの項目と重なっています", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("見出しは必須にできません", StringComparison.Ordinal));
        Assert.Equal(["質問を 1 つ以上追加してください。"], SurveyFormRules.Check(new SurveyForm([])));
    }

    [Fact]
    public void Each_problem_names_the_item_it_concerns_so_a_screen_can_show_it_beside_that_item()
    {
        var problems = SurveyFormRules.Problems(new SurveyForm(
        [
            new SurveyItem("q1", SurveyItemKind.ShortText, "お名前"),
            new SurveyItem("q2", SurveyItemKind.Number, "とても長い質問文の例ですが二十文字を超えています", Min: 10, Max: 1),
            new SurveyItem("q3", SurveyItemKind.LongText, "理由", ShowWhen: new SurveyCondition("q1", ["a"])),
        ]));

        Assert.Equal([1, 2], problems.Select(p => p.ItemIndex));
        Assert.Equal("最小値（10）が最大値（1）より大きくなっています。", problems[0].Detail);
        Assert.Equal("2 番目の項目「とても長い質問文の例ですが二十文字を超え…」: 最小値（10）が最大値（1）より大きくなっています。", problems[0].Message);
        Assert.Equal("表示の条件にできるのは、選択式か評価の質問だけです。", problems[1].Detail);
        Assert.Equal([null], SurveyFormRules.Problems(new SurveyForm([])).Select(p => p.ItemIndex));
    }

    [Fact]
    public void An_image_question_takes_one_to_three_images_and_only_it_has_an_image_count()
    {
        Assert.Empty(Check(new SurveyItem("photo", SurveyItemKind.Image, "写真", Required: true)));
        Assert.Equal(1, new SurveyItem("photo", SurveyItemKind.Image, "写真").EffectiveMaxImages);
        Assert.Equal(["1 番目の項目「写真」: 画像の枚数は 1 から 3 枚までにしてください。"], Check(new SurveyItem("photo", SurveyItemKind.Image, "写真", MaxImages: 4)));
        Assert.Equal(["1 番目の項目「写真」: 画像の枚数は 1 から 3 枚までにしてください。"], Check(new SurveyItem("photo", SurveyItemKind.Image, "写真", MaxImages: 0)));
        Assert.Equal(["1 番目の項目「ご意見」: 画像の枚数は画像の質問にだけ設定できます。"], Check(new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見", MaxImages: 2)));
        Assert.Equal(["1 番目の項目「写真」: この種類の質問に選択肢は設定できません。"], Check(new SurveyItem("photo", SurveyItemKind.Image, "写真", Choices: [new("a", "A")])));

        var onImage = Check(
            new SurveyItem("photo", SurveyItemKind.Image, "写真"),
            new SurveyItem("why", SurveyItemKind.ShortText, "理由", ShowWhen: new SurveyCondition("photo", ["x"])));
        Assert.Equal(["2 番目の項目「理由」: 表示の条件にできるのは、選択式か評価の質問だけです。"], onImage);
    }

    [Fact]
    public void Stored_JSON_of_an_unknown_schema_or_shape_is_refused_in_Japanese()
    {
        Assert.Contains("schema 2", Assert.Throws<SurveyRuleException>(() => SurveyFormJson.Parse("""{"schema":2,"items":[]}""")).Message, StringComparison.Ordinal);
        Assert.Contains("読めませんでした", Assert.Throws<SurveyRuleException>(() => SurveyFormJson.Parse("""{"items":[{"key":"q","kind":"Hologram","label":"x"}]}""")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_settings_are_checked_and_an_anonymous_survey_cannot_take_edits()
    {
        var opens = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var errors = SurveySettingsRules.Check(new SurveySettings(" ", null, opens, opens, Anonymous: true, OneAnswerPerResident: true, EditableUntilClose: true));

        Assert.Contains("タイトルを入力してください。", errors);
        Assert.Contains("締め切り日時は、受付開始日時より後にしてください。", errors);
        Assert.Contains(errors, e => e.StartsWith("無記名のアンケートでは、回答の修正を受け付けられません", StringComparison.Ordinal));

        var survey = Survey.Create(new SurveySettings("公園", null, opens, opens.AddDays(30), false, true, false), opens);
        Assert.Equal(TimeSpan.Zero, survey.OpensAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), survey.OpensAt);
        Assert.Equal("質問を保存してから公開してください。", Assert.Throws<SurveyRuleException>(() => survey.Open(opens)).Message);
        survey.UseForm(1, opens);
        survey.Open(opens);
        Assert.Equal(SurveyAvailability.NotYetOpen, survey.AvailabilityAt(opens.AddMinutes(-1)));
        Assert.Equal(SurveyAvailability.Open, survey.AvailabilityAt(opens));
        Assert.Throws<SurveyRuleException>(() => survey.UseForm(2, opens));
        Assert.Throws<SurveyRuleException>(() => survey.Change(new SurveySettings("公園", null, opens, opens.AddDays(30), true, true, false), opens));
        survey.Close(opens.AddDays(1));
        Assert.Equal(SurveyAvailability.Closed, survey.AvailabilityAt(opens.AddDays(1)));
    }

    private static IReadOnlyList<string> Check(params SurveyItem[] items) => SurveyFormRules.Check(new SurveyForm(items));
}
