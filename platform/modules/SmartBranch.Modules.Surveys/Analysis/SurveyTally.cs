using System.Globalization;
using SmartBranch.Kernel;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Analysis;

/// <param name="Label">A choice's label, a point of the scale, a number or range of numbers, or a month.</param>
public sealed record SurveyBar(string Label, int Count);

/// <param name="Answered">Responses that answered the question (a multiple-choice answer counts once).</param>
/// <param name="Bars">The chart: empty for questions listed one by one.</param>
public sealed record SurveyQuestionResult(SurveyResultColumn Column, int Answered, IReadOnlyList<SurveyBar> Bars)
{
    /// <summary>The share of those who answered, in whole per cent.</summary>
    public int PercentOf(SurveyBar bar) => Answered == 0 ? 0 : (int)Math.Round(100.0 * bar.Count / Answered, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Counts responses as they stream past, once each: in total, per Japanese calendar day and per question (choices and
/// scale points, numbers and dates as distributions). Pure: the caller reads the responses.
/// </summary>
public sealed class SurveyTally(SurveyResultColumns columns)
{
    /// <summary>Numbers with more distinct values than this are grouped into this many equal ranges.</summary>
    public const int MaxNumberBars = 10;

    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _answered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<decimal>> _numbers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateOnly, int> _perDay = [];

    public int Total { get; private set; }

    public IReadOnlyList<(DateOnly Day, int Count)> PerDay => [.. _perDay.Select(d => (d.Key, d.Value))];

    public void Add(IReadOnlyDictionary<string, IReadOnlyList<string>> answers, DateTimeOffset submittedAt)
    {
        Total++;
        var day = DateOnly.FromDateTime(JapanTime.From(submittedAt).DateTime);
        _perDay[day] = _perDay.GetValueOrDefault(day) + 1;
        foreach (var (key, values) in answers)
        {
            if (values.Count == 0 || columns.Find(key) is not { } column)
            {
                continue;
            }

            _answered[key] = _answered.GetValueOrDefault(key) + 1;
            if (column.Kind == SurveyItemKind.Number)
            {
                if (decimal.TryParse(values[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    CollectionsOf(_numbers, key).Add(number);
                }

                continue;
            }

            if (column.IsCounted || column.Kind == SurveyItemKind.Date)
            {
                var counts = CollectionsOf(_counts, key);
                foreach (var value in values.Distinct(StringComparer.Ordinal))
                {
                    var bucket = column.Kind == SurveyItemKind.Date && value.Length >= 7 ? value[..7] : value;
                    counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
                }
            }
        }
    }

    public SurveyQuestionResult ResultOf(SurveyResultColumn column)
    {
        var answered = _answered.GetValueOrDefault(column.Key);
        var counts = _counts.GetValueOrDefault(column.Key) ?? [];
        IReadOnlyList<SurveyBar> bars = column.Kind switch
        {
            SurveyItemKind.Number => NumberBars(_numbers.GetValueOrDefault(column.Key) ?? []),
            SurveyItemKind.Date => [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new SurveyBar(c.Key, c.Value))],
            _ when column.IsCounted =>
            [
                .. column.CountedValues.Select(v => new SurveyBar(column.ChoiceLabel(v), counts.GetValueOrDefault(v))),
                .. counts.Where(c => !column.CountedValues.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new SurveyBar(c.Key, c.Value)),
            ],
            _ => [],
        };
        return new SurveyQuestionResult(column, answered, bars);
    }

    private static IReadOnlyList<SurveyBar> NumberBars(List<decimal> numbers)
    {
        var distinct = numbers.GroupBy(n => n).OrderBy(g => g.Key).ToList();
        if (distinct.Count <= MaxNumberBars)
        {
            return [.. distinct.Select(g => new SurveyBar(Text(g.Key), g.Count()))];
        }

        var (min, max) = (distinct[0].Key, distinct[^1].Key);
        var width = (max - min) / MaxNumberBars;
        var counts = new int[MaxNumberBars];
        foreach (var number in numbers)
        {
            counts[Math.Min(MaxNumberBars - 1, (int)((number - min) / width))]++;
        }

        return [.. counts.Select((count, i) => new SurveyBar($"{Text(min + (i * width))} – {Text(i == MaxNumberBars - 1 ? max : min + ((i + 1) * width))}", count))];
    }

    private static string Text(decimal number) => Math.Round(number, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static TValue CollectionsOf<TValue>(Dictionary<string, TValue> map, string key) where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            map[key] = value = new TValue();
        }

        return value;
    }
}
