using System.Globalization;
using SmartBranch.Kernel;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Portal.Modules.Surveys;

/// <summary>
/// A survey's settings as staff type them: times as Japan wall-clock text (<c>datetime-local</c>), so that a time
/// that does not parse stays on screen to be fixed.
/// </summary>
public sealed class SurveySettingsInput
{
    private const string DateTimeLocal = "yyyy-MM-dd'T'HH:mm";

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string OpensAt { get; set; } = "";
    public string ClosesAt { get; set; } = "";
    public bool Anonymous { get; set; }
    public bool OneAnswerPerResident { get; set; } = true;
    public bool EditableUntilClose { get; set; }

    /// <summary>A new survey: open from the next full hour, for two weeks.</summary>
    public static SurveySettingsInput New(DateTimeOffset now)
    {
        var japan = JapanTime.From(now);
        var opens = new DateTimeOffset(japan.Year, japan.Month, japan.Day, japan.Hour, 0, 0, japan.Offset).AddHours(1);
        return new SurveySettingsInput { OpensAt = Format(opens), ClosesAt = Format(opens.AddDays(14)) };
    }

    public static SurveySettingsInput From(SurveySettings settings) => new()
    {
        Title = settings.Title,
        Description = settings.Description ?? "",
        OpensAt = Format(settings.OpensAt),
        ClosesAt = Format(settings.ClosesAt),
        Anonymous = settings.Anonymous,
        OneAnswerPerResident = settings.OneAnswerPerResident,
        EditableUntilClose = settings.EditableUntilClose,
    };

    /// <returns>Null when a time does not parse (<paramref name="badOpensAt"/>, <paramref name="badClosesAt"/> say which).</returns>
    public SurveySettings? ToSettings(out bool badOpensAt, out bool badClosesAt)
    {
        var opens = Parse(OpensAt);
        var closes = Parse(ClosesAt);
        (badOpensAt, badClosesAt) = (opens is null, closes is null);
        return opens is null || closes is null
            ? null
            : new SurveySettings(Title, string.IsNullOrWhiteSpace(Description) ? null : Description, opens.Value, closes.Value, Anonymous, OneAnswerPerResident, EditableUntilClose);
    }

    private static string Format(DateTimeOffset time) => JapanTime.From(time).ToString(DateTimeLocal, CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string text) =>
        DateTime.TryParseExact(text, [DateTimeLocal, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock)
            ? JapanTime.ToUtc(wallClock)
            : null;
}

/// <summary>A choice as typed; its key is made once and never changes, so conditions and answers keep pointing at it.</summary>
public sealed class SurveyChoiceInput(string key, string label)
{
    public string Key { get; } = key;
    public string Label { get; set; } = label;
}

/// <summary>
/// One item as typed. Numbers stay text until the form is built; settings of other kinds are kept while staff switch
/// kinds, and only the current kind's reach the form.
/// </summary>
public sealed class SurveyItemInput(string key, SurveyItemKind kind)
{
    public string Key { get; } = key;
    public SurveyItemKind Kind { get; set; } = kind;
    public string Label { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Required { get; set; }
    public List<SurveyChoiceInput> Choices { get; } = [];
    public string MinChoices { get; set; } = "";
    public string MaxChoices { get; set; } = "";
    public string MinLength { get; set; } = "";
    public string MaxLength { get; set; } = "";
    public string Min { get; set; } = "";
    public string Max { get; set; } = "";
    public string RatingTop { get; set; } = SurveyFormLimits.DefaultRatingTop.ToString(CultureInfo.InvariantCulture);
    public string MaxImages { get; set; } = "1";

    /// <summary>The earlier question whose answers show this item; empty when it is always shown.</summary>
    public string ConditionKey { get; set; } = "";

    public HashSet<string> ConditionValues { get; } = new(StringComparer.Ordinal);

    public bool IsQuestion => Kind != SurveyItemKind.Section;

    public bool HasChoices => Kind is SurveyItemKind.SingleChoice or SurveyItemKind.MultipleChoice or SurveyItemKind.Dropdown;

    /// <summary>Whether a later item may be shown on this one's answers.</summary>
    public bool CanBeCondition => HasChoices || Kind == SurveyItemKind.Rating;

    public void AddChoice()
    {
        var next = Choices.Select(c => NumberAfter("c", c.Key)).DefaultIfEmpty(0).Max() + 1;
        Choices.Add(new SurveyChoiceInput($"c{next}", ""));
    }

    /// <summary>The values a later item's condition may name: choice keys with their labels, or the rating's points.</summary>
    public IEnumerable<(string Value, string Label)> ConditionOptions() => Kind == SurveyItemKind.Rating
        ? Enumerable.Range(1, ParseInt(RatingTop) is { } top and >= 2 and <= SurveyFormLimits.MaxRatingTop ? top : SurveyFormLimits.DefaultRatingTop)
            .Select(v => (v.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture)))
        : Choices.Select(c => (c.Key, c.Label));

    /// <summary>The item for the form, and the names of number fields whose text is not a number.</summary>
    public (SurveyItem Item, IReadOnlyList<string> NotNumbers) ToItem()
    {
        var notNumbers = new List<string>();
        int? Int(string name, string text)
        {
            var value = ParseInt(text);
            if (value is null && !string.IsNullOrWhiteSpace(text))
            {
                notNumbers.Add(name);
            }

            return value;
        }

        decimal? Decimal(string name, string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            notNumbers.Add(name);
            return null;
        }

        var item = new SurveyItem(
            Key,
            Kind,
            Label.Trim(),
            string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            IsQuestion && Required,
            HasChoices ? [.. Choices.Select(c => new SurveyChoice(c.Key, c.Label.Trim()))] : null,
            Kind == SurveyItemKind.MultipleChoice ? Int(nameof(MinChoices), MinChoices) : null,
            Kind == SurveyItemKind.MultipleChoice ? Int(nameof(MaxChoices), MaxChoices) : null,
            Kind is SurveyItemKind.ShortText or SurveyItemKind.LongText ? Int(nameof(MinLength), MinLength) : null,
            Kind is SurveyItemKind.ShortText or SurveyItemKind.LongText ? Int(nameof(MaxLength), MaxLength) : null,
            Kind == SurveyItemKind.Number ? Decimal(nameof(Min), Min) : null,
            Kind == SurveyItemKind.Number ? Decimal(nameof(Max), Max) : Kind == SurveyItemKind.Rating ? Decimal(nameof(RatingTop), RatingTop) : null,
            string.IsNullOrEmpty(ConditionKey) ? null : new SurveyCondition(ConditionKey, [.. ConditionValues.Order(StringComparer.Ordinal)]),
            Kind == SurveyItemKind.Image ? Int(nameof(MaxImages), MaxImages) : null);
        return (item, notNumbers);
    }

    public static SurveyItemInput From(SurveyItem item)
    {
        var input = new SurveyItemInput(item.Key, item.Kind)
        {
            Label = item.Label,
            Description = item.Description ?? "",
            Required = item.Required,
            MinChoices = Text(item.MinChoices),
            MaxChoices = Text(item.MaxChoices),
            MinLength = Text(item.MinLength),
            MaxLength = Text(item.MaxLength),
            Min = item.Kind == SurveyItemKind.Number ? Text(item.Min) : "",
            Max = item.Kind == SurveyItemKind.Number ? Text(item.Max) : "",
            RatingTop = item.Kind == SurveyItemKind.Rating ? item.RatingTop.ToString(CultureInfo.InvariantCulture) : SurveyFormLimits.DefaultRatingTop.ToString(CultureInfo.InvariantCulture),
            MaxImages = item.EffectiveMaxImages.ToString(CultureInfo.InvariantCulture),
            ConditionKey = item.ShowWhen?.QuestionKey ?? "",
        };
        input.Choices.AddRange((item.Choices ?? []).Select(c => new SurveyChoiceInput(c.Key, c.Label)));
        input.ConditionValues.UnionWith(item.ShowWhen?.AnyOf ?? []);
        return input;
    }

    internal static int NumberAfter(string prefix, string key) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int? ParseInt(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The form as typed: its items in order, added, moved and removed by the builder.</summary>
public sealed class SurveyFormInput
{
    public List<SurveyItemInput> Items { get; } = [];

    public static SurveyFormInput From(SurveyForm? form)
    {
        var input = new SurveyFormInput();
        input.Items.AddRange((form?.Items ?? []).Select(SurveyItemInput.From));
        return input;
    }

    /// <summary>A new item at the end, with a key no item has had (<c>q1</c>, <c>q2</c> …); choice kinds start with two choices.</summary>
    public SurveyItemInput Add(SurveyItemKind kind)
    {
        var next = Items.Select(i => SurveyItemInput.NumberAfter("q", i.Key)).DefaultIfEmpty(0).Max() + 1;
        var item = new SurveyItemInput($"q{next}", kind);
        item.AddChoice();
        item.AddChoice();
        Items.Add(item);
        return item;
    }

    /// <returns>Whether the item moved (not past either end).</returns>
    public bool Move(int index, int by)
    {
        var target = index + by;
        if (index < 0 || index >= Items.Count || target < 0 || target >= Items.Count)
        {
            return false;
        }

        (Items[index], Items[target]) = (Items[target], Items[index]);
        return true;
    }

    /// <summary>The questions before <paramref name="index"/> a condition may point at.</summary>
    public IEnumerable<SurveyItemInput> ConditionSources(int index) => Items.Take(index).Where(i => i.CanBeCondition);

    /// <returns>The form, and per item index the number fields that are not numbers.</returns>
    public (SurveyForm Form, IReadOnlyDictionary<int, IReadOnlyList<string>> NotNumbers) ToForm()
    {
        var built = Items.Select(i => i.ToItem()).ToList();
        var notNumbers = built.Select((b, index) => (b.NotNumbers, index)).Where(b => b.NotNumbers.Count > 0).ToDictionary(b => b.index, b => b.NotNumbers);
        return (new SurveyForm([.. built.Select(b => b.Item)]), notNumbers);
    }
}
