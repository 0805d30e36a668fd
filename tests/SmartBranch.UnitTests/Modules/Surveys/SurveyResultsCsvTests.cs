using System.Text;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.UnitTests.Modules.Surveys;

public sealed class SurveyResultsCsvTests
{
    private static readonly SurveyForm Old = new(
    [
        new SurveyItem("uses", SurveyItemKind.MultipleChoice, "使う公園", Choices: [new("a", "A公園"), new("b", "B公園")]),
        new SurveyItem("removed", SurveyItemKind.ShortText, "削除した質問"),
    ]);

    private static readonly SurveyForm Current = new(
    [
        new SurveyItem("uses", SurveyItemKind.MultipleChoice, "使う公園", Choices: [new("a", "A公園"), new("c", "C公園")]),
        new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見"),
        new SurveyItem("phone", SurveyItemKind.Phone, "電話番号"),
    ]);

    private static readonly SurveyResultColumns Columns = SurveyResultColumns.From(new Dictionary<int, SurveyForm> { [1] = Old, [2] = Current }, current: 2);

    private static readonly Guid FirstId = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");

    private static readonly SurveyCsvRow[] Rows =
    [
        new(FirstId, 1, "U1111", """{"uses":["a","b"],"removed":["=HYPERLINK(\"http://x\")"]}""", new DateTimeOffset(2026, 4, 1, 15, 30, 0, TimeSpan.Zero)),
        new(Guid.Parse("0195f0a0-0000-7000-8000-000000000002"), 2, "U2222", """{"uses":["c"],"opinion":["10時〜12時は混む、😀です"],"phone":["0172-44-1111"]}""",
            new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero)),
    ];

    [Fact]
    public async Task Utf8_has_a_BOM_a_column_per_question_key_across_versions_japan_time_and_guarded_formulas()
    {
        var (bytes, count) = await WriteAsync(new SurveyCsvOptions(Identified: true, ShowsPersonalData: true, CsvEncoding.Utf8));

        Assert.Equal(2, count);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("回答ID,回答日時(日本時間),質問の版,回答者(LINEユーザーID),使う公園 [uses],ご意見 [opinion],電話番号 [phone],削除した質問 [removed]（削除された質問）", lines[0]);
        Assert.Equal($"{FirstId},2026-04-02 00:30:00,1,U1111,A公園、B公園,,,\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1]);
        Assert.Equal("0195f0a0-0000-7000-8000-000000000002,2026-04-02 09:00:00,2,U2222,C公園,10時〜12時は混む、😀です,0172-44-1111,", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public async Task Respondents_and_phone_numbers_are_masked_for_readers_without_the_personal_data_permission()
    {
        var (bytes, _) = await WriteAsync(new SurveyCsvOptions(Identified: true, ShowsPersonalData: false, CsvEncoding.Utf8));

        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("U1111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0172", text, StringComparison.Ordinal);
        Assert.Contains("2026-04-02 09:00:00,2,***,C公園,10時〜12時は混む、😀です,***,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_survey_has_no_respondent_column()
    {
        var (bytes, _) = await WriteAsync(new SurveyCsvOptions(Identified: false, ShowsPersonalData: true, CsvEncoding.Utf8));

        var header = Encoding.UTF8.GetString(bytes).Split("\r\n")[0];
        Assert.DoesNotContain("回答者", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shift_JIS_is_CP932_without_a_BOM_with_the_wave_dash_kept_and_an_emoji_replaced_by_a_geta_mark()
    {
        var (bytes, _) = await WriteAsync(new SurveyCsvOptions(Identified: true, ShowsPersonalData: true, CsvEncoding.ShiftJis));

        Assert.Equal([0x89, 0xF1], bytes[..2]); // 回 in CP932, no BOM before it
        var text = CsvEncodings.For(CsvEncoding.ShiftJis).GetString(bytes);
        Assert.Contains("C公園,10時～12時は混む、〓です,0172-44-1111", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text, StringComparison.Ordinal);
        Assert.Equal('〓', CsvEncodings.Replacement);
    }

    [Fact]
    public async Task An_image_question_is_written_as_how_many_images_were_given_never_their_ids_even_to_readers_who_may_see_personal_data()
    {
        var form = new SurveyForm([new SurveyItem("photo", SurveyItemKind.Image, "写真", MaxImages: 3)]);
        var columns = SurveyResultColumns.From(new Dictionary<int, SurveyForm> { [1] = form }, current: 1);
        SurveyCsvRow[] rows = [new(FirstId, 1, null, """{"photo":["AAAAAAAAAAAAAAAAAAAAAA","BBBBBBBBBBBBBBBBBBBBBB"]}""", new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero))];

        foreach (var showsPersonalData in new[] { true, false })
        {
            using var output = new MemoryStream();
            await SurveyResultsCsv.WriteAsync(rows.ToAsyncEnumerable(), columns, new SurveyCsvOptions(false, showsPersonalData, CsvEncoding.Utf8), output, CancellationToken.None);
            var lines = Encoding.UTF8.GetString(output.ToArray()[3..]).Split("\r\n");
            Assert.Equal("回答ID,回答日時(日本時間),質問の版,写真 [photo]", lines[0]);
            Assert.Equal($"{FirstId},2026-04-02 00:00:00,1,2", lines[1]);
        }
    }

    private static async Task<(byte[] Bytes, int Count)> WriteAsync(SurveyCsvOptions options)
    {
        using var output = new MemoryStream();
        var count = await SurveyResultsCsv.WriteAsync(Rows.ToAsyncEnumerable(), Columns, options, output, CancellationToken.None);
        return (output.ToArray(), count);
    }
}
