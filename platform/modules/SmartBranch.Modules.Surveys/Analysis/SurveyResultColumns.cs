using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Analysis;

/// <summary>
/// A question as the results show it: the newest form version that has its key gives its label and settings, and the
/// choices of every version are kept, so that an answer given to an earlier version is still named.
/// </summary>
/// <param name="Removed">Not in the current form: only earlier versions asked it.</param>
public sealed record SurveyResultColumn(SurveyItem Question, IReadOnlyDictionary<string, string> ChoiceLabels, bool Removed)
{
    public string Key => Question.Key;

    public string Label => Question.Label;

    public SurveyItemKind Kind => Question.Kind;

    /// <summary>
    /// Phone numbers, e-mail and postal addresses, and images (a photo can show a face, a house or a number plate):
    /// masked for staff who may not see residents' personal data.
    /// </summary>
    public bool IsPersonalData => Kind is SurveyItemKind.Phone or SurveyItemKind.Email or SurveyItemKind.PostalCode or SurveyItemKind.Image;

    /// <summary>Counted per choice (or per point of the scale) and drawn as bars; cross-tabulated.</summary>
    public bool IsCounted => Question.HasChoices || Kind == SurveyItemKind.Rating;

    /// <summary>Listed one by one, with a search.</summary>
    public bool IsListed => Kind is SurveyItemKind.ShortText or SurveyItemKind.LongText || IsPersonalData;

    /// <summary>Searched by their text; images have none.</summary>
    public bool IsSearchable => IsListed && Kind != SurveyItemKind.Image;

    public string ChoiceLabel(string choiceKey) => ChoiceLabels.GetValueOrDefault(choiceKey, choiceKey);

    /// <summary>The bars' order: the current choices, then those only earlier versions offered; the scale from 1 up.</summary>
    public IReadOnlyList<string> CountedValues => Kind == SurveyItemKind.Rating
        ? [.. Enumerable.Range(1, Question.RatingTop).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))]
        : [.. ChoiceLabels.Keys];
}

/// <summary>Every question any version of a survey's form asked, by key: the columns of its results and of its CSV.</summary>
public sealed class SurveyResultColumns
{
    private SurveyResultColumns(IReadOnlyList<SurveyResultColumn> columns) => Columns = columns;

    /// <summary>The current form's questions in its order, then removed questions, newest version first.</summary>
    public IReadOnlyList<SurveyResultColumn> Columns { get; }

    public SurveyResultColumn? Find(string key) => Columns.FirstOrDefault(c => c.Key == key);

    /// <param name="versions">Every saved version (number → form); <paramref name="current"/> is the one residents answer now.</param>
    public static SurveyResultColumns From(IReadOnlyDictionary<int, SurveyForm> versions, int current)
    {
        var newestFirst = versions.OrderByDescending(v => v.Key == current).ThenByDescending(v => v.Key).Select(v => v.Value).ToList();
        var columns = new List<SurveyResultColumn>();
        foreach (var question in newestFirst.SelectMany(f => f.Questions).DistinctBy(q => q.Key))
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var choice in newestFirst.SelectMany(f => f.Questions.Where(q => q.Key == question.Key)).SelectMany(q => q.Choices ?? []))
            {
                labels.TryAdd(choice.Key, choice.Label);
            }

            var removed = !versions.TryGetValue(current, out var form) || form.Questions.All(q => q.Key != question.Key);
            columns.Add(new SurveyResultColumn(question, labels, removed));
        }

        return new SurveyResultColumns(columns);
    }
}
