using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Surveys.Analysis;

/// <param name="Cells">One per column of the table; null where the count is hidden.</param>
/// <param name="Total">Everyone who chose it, as the question's chart shows.</param>
public sealed record SurveyCrossTabRow(string Label, IReadOnlyList<int?> Cells, int Total);

/// <summary>
/// A counted question against one segment attribute. <see cref="Columns"/> are the attribute's values and, last, null
/// for respondents who registered none; <see cref="ColumnTotals"/> are those who answered the question in each, null
/// where hidden.
/// </summary>
public sealed record SurveyCrossTab(
    SurveyResultColumn Question, SegmentAttribute Attribute, IReadOnlyList<SegmentValue?> Columns, IReadOnlyList<SurveyCrossTabRow> Rows, IReadOnlyList<int?> ColumnTotals)
{
    /// <summary>
    /// Counts from 1 to this minus one are hidden: a small town's few respondents of one district and age band are
    /// people their neighbours can name.
    /// </summary>
    public const int MinShownCount = 5;

    public bool AnyHidden => ColumnTotals.Any(t => t is null) || Rows.Any(r => r.Cells.Any(c => c is null));
}

/// <summary>
/// Builds a <see cref="SurveyCrossTab"/> from responses as they stream past. Counts below
/// <see cref="SurveyCrossTab.MinShownCount"/> are hidden, and so is the next smallest count (zero included) of any row or
/// column left with one hidden count, since the row's total (the chart) or the column's total would give it away by
/// subtraction.
/// </summary>
public sealed class SurveyCrossTabulation(SurveyResultColumn question, SegmentAttribute attribute)
{
    private readonly int[,] _counts = new int[question.CountedValues.Count, attribute.Values.Count + 1];
    private readonly int[] _columnTotals = new int[attribute.Values.Count + 1];
    private readonly Dictionary<string, int> _rowOf = question.CountedValues.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _columnOf = attribute.Values.Select((v, i) => (v.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    public void Add(IReadOnlyDictionary<string, IReadOnlyList<string>> answers, IReadOnlyDictionary<string, string> segments)
    {
        if (!answers.TryGetValue(question.Key, out var values) || values.Count == 0)
        {
            return;
        }

        var column = segments.TryGetValue(attribute.Key, out var valueKey) && _columnOf.TryGetValue(valueKey, out var known) ? known : attribute.Values.Count;
        _columnTotals[column]++;
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            if (_rowOf.TryGetValue(value, out var row))
            {
                _counts[row, column]++;
            }
        }
    }

    public SurveyCrossTab Build()
    {
        var rowCount = question.CountedValues.Count;
        var columnCount = _columnTotals.Length;
        var hidden = new bool[rowCount, columnCount];
        var totalHidden = _columnTotals.Select(Small).ToArray();
        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                hidden[r, c] = Small(_counts[r, c]);
            }
        }

        // A cell of an empty row or column is a known zero: hiding it would hide nothing.
        var rowTotals = Enumerable.Range(0, rowCount).Select(r => Enumerable.Range(0, columnCount).Sum(c => _counts[r, c])).ToArray();
        bool Unknown((int Row, int Column) p) => rowTotals[p.Row] > 0 && _columnTotals[p.Column] > 0;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < rowCount; r++)
            {
                changed |= HideASecond([.. Enumerable.Range(0, columnCount).Select(c => (r, c))], hidden, Unknown);
            }

            for (var c = 0; c < columnCount; c++)
            {
                changed |= !totalHidden[c] && HideASecond([.. Enumerable.Range(0, rowCount).Select(r => (r, c))], hidden, Unknown);
            }
        }

        var rows = question.CountedValues.Select((value, r) => new SurveyCrossTabRow(
            question.ChoiceLabel(value),
            [.. Enumerable.Range(0, columnCount).Select(c => hidden[r, c] ? null : (int?)_counts[r, c])],
            rowTotals[r])).ToList();
        return new SurveyCrossTab(
            question, attribute, [.. attribute.Values, null], rows, [.. _columnTotals.Select((t, c) => totalHidden[c] ? null : (int?)t)]);
    }

    private static bool Small(int count) => count is > 0 and < SurveyCrossTab.MinShownCount;

    /// <summary>A line with exactly one hidden count hides its smallest other count that is not a known zero too.</summary>
    private bool HideASecond(IReadOnlyList<(int Row, int Column)> line, bool[,] hidden, Func<(int Row, int Column), bool> unknown)
    {
        if (line.Count(p => hidden[p.Row, p.Column]) != 1)
        {
            return false;
        }

        var next = line.Where(p => !hidden[p.Row, p.Column] && unknown(p)).OrderBy(p => _counts[p.Row, p.Column]).Take(1).ToList();
        foreach (var (row, column) in next)
        {
            hidden[row, column] = true;
        }

        return next.Count > 0;
    }
}
