using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.UnitTests.Modules.Surveys;

public sealed class SurveyTabulationTests
{
    private static readonly SurveyForm First = new(
    [
        new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Choices: [new("yes", "はい"), new("no", "いいえ")]),
        new SurveyItem("old", SurveyItemKind.ShortText, "旧い質問"),
    ]);

    private static readonly SurveyForm Second = new(
    [
        new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園をよく使いますか", Choices: [new("yes", "はい"), new("sometimes", "ときどき")]),
        new SurveyItem("age", SurveyItemKind.Number, "年齢"),
        new SurveyItem("score", SurveyItemKind.Rating, "満足度", Max: 3),
        new SurveyItem("visited", SurveyItemKind.Date, "訪れた日"),
    ]);

    private static readonly SurveyResultColumns Columns = SurveyResultColumns.From(new Dictionary<int, SurveyForm> { [1] = First, [2] = Second }, current: 2);

    [Fact]
    public void Columns_follow_the_current_form_and_keep_a_removed_question_and_the_choices_of_every_version()
    {
        Assert.Equal(["uses", "age", "score", "visited", "old"], Columns.Columns.Select(c => c.Key));
        Assert.Equal("公園をよく使いますか", Columns.Find("uses")!.Label);
        Assert.Equal(["yes", "sometimes", "no"], Columns.Find("uses")!.CountedValues);
        Assert.Equal("いいえ", Columns.Find("uses")!.ChoiceLabel("no"));
        Assert.True(Columns.Find("old")!.Removed);
        Assert.False(Columns.Find("uses")!.Removed);
    }

    [Fact]
    public void Counts_per_japanese_day_and_per_choice_include_answers_to_earlier_versions()
    {
        var tally = new SurveyTally(Columns);
        tally.Add(Answers(("uses", ["no"]), ("old", ["昔の回答"])), At(2026, 4, 1, 14, 59));   // 23:59 in Japan
        tally.Add(Answers(("uses", ["yes"]), ("score", ["3"])), At(2026, 4, 1, 15, 0));       // 00:00 the next day in Japan
        tally.Add(Answers(("uses", ["yes"]), ("score", ["1"]), ("visited", ["2026-03-31"])), At(2026, 4, 2, 0, 0));

        Assert.Equal(3, tally.Total);
        Assert.Equal([(new DateOnly(2026, 4, 1), 1), (new DateOnly(2026, 4, 2), 2)], tally.PerDay);
        var uses = tally.ResultOf(Columns.Find("uses")!);
        Assert.Equal([new SurveyBar("はい", 2), new SurveyBar("ときどき", 0), new SurveyBar("いいえ", 1)], uses.Bars);
        Assert.Equal(67, uses.PercentOf(uses.Bars[0]));
        Assert.Equal([new SurveyBar("1", 1), new SurveyBar("2", 0), new SurveyBar("3", 1)], tally.ResultOf(Columns.Find("score")!).Bars);
        Assert.Equal([new SurveyBar("2026-03", 1)], tally.ResultOf(Columns.Find("visited")!).Bars);
        var old = tally.ResultOf(Columns.Find("old")!);
        Assert.Equal((1, 0), (old.Answered, old.Bars.Count));
    }

    [Fact]
    public void Numbers_are_shown_one_bar_each_when_few_and_in_ten_equal_ranges_when_many()
    {
        var few = new SurveyTally(Columns);
        foreach (var age in new[] { "30", "30", "41.5" })
        {
            few.Add(Answers(("age", [age])), At(2026, 4, 1, 0, 0));
        }

        Assert.Equal([new SurveyBar("30", 2), new SurveyBar("41.5", 1)], few.ResultOf(Columns.Find("age")!).Bars);

        var many = new SurveyTally(Columns);
        for (var age = 0; age <= 100; age++)
        {
            many.Add(Answers(("age", [age.ToString(System.Globalization.CultureInfo.InvariantCulture)])), At(2026, 4, 1, 0, 0));
        }

        var bars = many.ResultOf(Columns.Find("age")!).Bars;
        Assert.Equal(SurveyTally.MaxNumberBars, bars.Count);
        Assert.Equal(("0 – 10", 10), (bars[0].Label, bars[0].Count));
        Assert.Equal(("90 – 100", 11), (bars[^1].Label, bars[^1].Count));
        Assert.Equal(101, bars.Sum(b => b.Count));
    }

    private static readonly SegmentAttribute Area = new("area", "お住まいの地区", "District", false,
        [new("hiraka", "平賀地区", "Hiraka"), new("onoe", "尾上地区", "Onoe"), new("ikarigaseki", "碇ヶ関地区", "Ikarigaseki")]);

    [Fact]
    public void A_cross_tab_counts_each_choice_per_district_with_those_who_registered_none_last()
    {
        var tabulation = new SurveyCrossTabulation(Columns.Find("uses")!, Area);
        Respond(tabulation, "yes", "hiraka", 10);
        Respond(tabulation, "no", "hiraka", 6);
        Respond(tabulation, "yes", "onoe", 7);
        Respond(tabulation, "no", "onoe", 5);
        Respond(tabulation, "yes", null, 8);
        Respond(tabulation, "no", null, 9);

        var table = tabulation.Build();

        Assert.Equal(["hiraka", "onoe", "ikarigaseki", null], table.Columns.Select(c => c?.Key));
        Assert.Equal([10, 7, 0, 8], table.Rows[0].Cells);
        Assert.Equal([0, 0, 0, 0], table.Rows[1].Cells);
        Assert.Equal([6, 5, 0, 9], table.Rows[2].Cells);
        Assert.Equal([25, 0, 20], table.Rows.Select(r => r.Total));
        Assert.Equal([16, 12, 0, 17], table.ColumnTotals);
        Assert.False(table.AnyHidden);
    }

    [Fact]
    public void Counts_below_five_are_hidden_and_so_is_the_count_that_would_give_them_away_by_subtraction()
    {
        var tabulation = new SurveyCrossTabulation(Columns.Find("uses")!, Area);
        Respond(tabulation, "yes", "hiraka", 20);
        Respond(tabulation, "no", "hiraka", 2);     // small: hidden
        Respond(tabulation, "yes", "onoe", 12);
        Respond(tabulation, "no", "onoe", 6);
        Respond(tabulation, "yes", "ikarigaseki", 3); // a whole district under five: its total hidden as well
        Respond(tabulation, "no", null, 30);

        var table = tabulation.Build();

        var yes = table.Rows[0].Cells;
        var no = table.Rows[2].Cells;
        Assert.Null(no[0]);
        Assert.Null(yes[2]);
        Assert.Equal((12, 6), (yes[1], no[1]));
        Assert.Null(table.ColumnTotals[2]);
        Assert.True(table.AnyHidden);

        // No row or column shows a total with exactly one of its counts hidden.
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (table.ColumnTotals[c] is not null)
            {
                Assert.NotEqual(1, table.Rows.Count(r => r.Cells[c] is null));
            }
        }

        Assert.All(table.Rows, r => Assert.NotEqual(1, r.Cells.Count(c => c is null)));

        // A zero in the empty row "ときどき" is known from its chart: hiding it would protect nothing.
        Assert.Equal([0, 0, 0, 0], table.Rows[1].Cells);
    }

    private static void Respond(SurveyCrossTabulation tabulation, string choice, string? area, int times)
    {
        for (var i = 0; i < times; i++)
        {
            tabulation.Add(Answers(("uses", [choice])), area is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["area"] = area, ["age"] = "30s" });
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Key, string[] Values)[] answers) =>
        answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Values);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
