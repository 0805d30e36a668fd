using SmartBranch.Modules.Surveys.Answers;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.UnitTests.Modules.Surveys;

public sealed class SurveyAnswerRulesTests
{
    private static readonly SurveyForm Form = new(
    [
        new SurveyItem("intro", SurveyItemKind.Section, "はじめに"),
        new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Required: true, Choices: [new("yes", "はい"), new("no", "いいえ")]),
        new SurveyItem("which", SurveyItemKind.MultipleChoice, "どの公園ですか", Required: true,
            Choices: [new("a", "A"), new("b", "B"), new("c", "C")], MinChoices: 1, MaxChoices: 2, ShowWhen: new SurveyCondition("uses", ["yes"])),
        new SurveyItem("why", SurveyItemKind.LongText, "使わない理由", ShowWhen: new SurveyCondition("uses", ["no"]), MaxLength: 10),
        new SurveyItem("area", SurveyItemKind.Dropdown, "地区", Choices: [new("hiraka", "平賀")]),
        new SurveyItem("name", SurveyItemKind.ShortText, "お名前", MinLength: 2, MaxLength: 5),
        new SurveyItem("age", SurveyItemKind.Number, "年齢", Min: 0, Max: 120),
        new SurveyItem("visited", SurveyItemKind.Date, "訪れた日"),
        new SurveyItem("phone", SurveyItemKind.Phone, "電話番号"),
        new SurveyItem("email", SurveyItemKind.Email, "メールアドレス"),
        new SurveyItem("postal", SurveyItemKind.PostalCode, "郵便番号"),
        new SurveyItem("score", SurveyItemKind.Rating, "満足度", Max: 5),
    ]);

    [Fact]
    public void Good_answers_are_kept_cleaned_and_half_width()
    {
        var check = Check(
            ("uses", ["yes"]), ("which", ["a", "b"]), ("area", ["hiraka"]), ("name", [" 平川 "]), ("age", ["３５"]), ("visited", ["2026/4/1"]),
            ("phone", ["０１７２－４４－１１１１"]), ("email", ["taro@example.jp"]), ("postal", ["〒0360104"]), ("score", ["4"]));

        Assert.Empty(check.Errors);
        Assert.Equal(["a", "b"], check.Answers["which"]);
        Assert.Equal(("平川", "35", "2026-04-01", "0172-44-1111", "036-0104"),
            (check.Answers["name"][0], check.Answers["age"][0], check.Answers["visited"][0], check.Answers["phone"][0], check.Answers["postal"][0]));
    }

    [Fact]
    public void Answers_to_hidden_questions_are_dropped_and_required_hidden_questions_are_not_asked()
    {
        var check = Check(("uses", ["no"]), ("which", ["a"]), ("why", ["遠い"]));

        Assert.Empty(check.Errors);
        Assert.False(check.Answers.ContainsKey("which"));
        Assert.Equal(["遠い"], check.Answers["why"]);

        var unanswered = Check(("which", ["a"]), ("why", ["遠い"]));
        Assert.Equal([new SurveyAnswerError("uses", "どれか一つを選んでください（この質問は回答が必要です）。")], unanswered.Errors);
        Assert.Empty(unanswered.Answers);
    }

    [Fact]
    public void An_image_question_keeps_up_to_its_count_of_images_and_a_required_one_asks_for_one()
    {
        var form = new SurveyForm([new SurveyItem("photo", SurveyItemKind.Image, "写真", Required: true, MaxImages: 2)]);

        var two = SurveyAnswerRules.Check(form, new Dictionary<string, IReadOnlyList<string>> { ["photo"] = ["token-a", "token-b"] });
        var three = SurveyAnswerRules.Check(form, new Dictionary<string, IReadOnlyList<string>> { ["photo"] = ["token-a", "token-b", "token-c"] });
        var none = SurveyAnswerRules.Check(form, new Dictionary<string, IReadOnlyList<string>>());

        Assert.Equal(["token-a", "token-b"], two.Answers["photo"]);
        Assert.Equal("画像は 2 枚まで送れます。減らしてから、もう一度送ってください。", Assert.Single(three.Errors).Message);
        Assert.Equal("画像を選んでください（この質問は回答が必要です）。", Assert.Single(none.Errors).Message);
    }

    [Fact]
    public void A_shown_required_question_must_be_answered()
    {
        Assert.Equal("一つ以上選んでください（この質問は回答が必要です）。", Error(Check(("uses", ["yes"])), "which"));
    }

    [Theory]
    [InlineData("which", "a,b,c", "選べるのは 2 個までです（いまは 3 個です）。")]
    [InlineData("which", "z", "選べない値が送られました。一覧の中から選び直してください。")]
    [InlineData("area", "tokyo", "選べない値が送られました。一覧の中から選び直してください。")]
    [InlineData("area", "hiraka,hiraka", "一つだけ選んでください。")]
    [InlineData("name", "平", "2 文字以上で入力してください（いまは 1 文字です）。")]
    [InlineData("name", "平川市役所前", "5 文字以内で入力してください（いまは 6 文字です）。")]
    [InlineData("age", "三十五", "数字で入力してください（例: 35）。")]
    [InlineData("age", "121", "0 から 120 までの数を入力してください。")]
    [InlineData("visited", "2026-02-30", "日付を「2026-04-01」の形で入力してください。")]
    [InlineData("phone", "12345", "電話番号を、0 から始まる 10 桁か 11 桁の数字で入力してください（例: 0172-44-1111）。")]
    [InlineData("phone", "0172-44-1111 内線", "電話番号を、0 から始まる 10 桁か 11 桁の数字で入力してください（例: 0172-44-1111）。")]
    [InlineData("email", "taro@", "メールアドレスの形が正しくありません（例: taro@example.jp）。")]
    [InlineData("postal", "036-010", "郵便番号を 7 桁の数字で入力してください（例: 036-0104）。")]
    [InlineData("score", "6", "1 から 5 の中から選んでください。")]
    public void Each_kind_explains_a_bad_answer_in_Japanese(string key, string values, string message)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>> { ["uses"] = ["yes"], ["which"] = ["a"], [key] = values.Split(',') };

        Assert.Equal(message, Error(SurveyAnswerRules.Check(Form, answers), key));
    }

    [Fact]
    public void Text_counts_characters_as_residents_see_them_and_keeps_line_breaks_but_not_control_characters()
    {
        var check = Check(("uses", ["no"]), ("why", ["👨‍👩‍👧\r\n改行\0です"]), ("name", ["🍎🍎"]));

        Assert.Empty(check.Errors);
        Assert.Equal("👨‍👩‍👧\n改行です", check.Answers["why"][0]);
    }

    [Fact]
    public void An_oversize_answer_is_refused_without_losing_the_other_answers()
    {
        var check = Check(("uses", ["no"]), ("why", [new string('あ', SurveyAnswerRules.MaxRawValueLength + 1)]), ("name", ["平川"]), ("age", ["40"]));

        Assert.Equal([new SurveyAnswerError("why", "入力が長すぎるため受け付けられませんでした。短くしてから、もう一度送ってください。")], check.Errors);
        Assert.Equal(["平川"], check.Answers["name"]);
        Assert.Equal(["40"], check.Answers["age"]);
    }

    [Fact]
    public void Hostile_text_is_kept_as_text()
    {
        var check = Check(("uses", ["no"]), ("why", ["<i>x</i>"]), ("name", ["'; --"]));

        Assert.Equal(("<i>x</i>", "'; --"), (check.Answers["why"][0], check.Answers["name"][0]));
    }

    [Fact]
    public void Conditions_read_earlier_answers()
    {
        var which = Form.Items.Single(i => i.Key == "which");

        Assert.True(SurveyAnswerRules.IsShown(which, new Dictionary<string, IReadOnlyList<string>> { ["uses"] = ["yes"] }));
        Assert.False(SurveyAnswerRules.IsShown(which, new Dictionary<string, IReadOnlyList<string>> { ["uses"] = ["no"] }));
        Assert.False(SurveyAnswerRules.IsShown(which, new Dictionary<string, IReadOnlyList<string>>()));
        Assert.True(SurveyAnswerRules.IsShown(Form.Items.Single(i => i.Key == "area"), new Dictionary<string, IReadOnlyList<string>>()));
    }

    private static SurveyAnswerCheck Check(params (string Key, string[] Values)[] answers) =>
        SurveyAnswerRules.Check(Form, answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Values));

    private static string? Error(SurveyAnswerCheck check, string key) => check.Errors.SingleOrDefault(e => e.QuestionKey == key)?.Message;
}
