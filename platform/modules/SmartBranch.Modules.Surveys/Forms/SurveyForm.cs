using System.Text.Json.Serialization;

namespace SmartBranch.Modules.Surveys.Forms;

/// <summary>What an item of a survey form is: a question of one kind, or a section header with its description.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurveyItemKind>))]
public enum SurveyItemKind
{
    Section,
    SingleChoice,
    MultipleChoice,
    Dropdown,
    ShortText,
    LongText,
    Number,
    Date,
    Phone,
    Email,
    PostalCode,
    Rating,

    /// <summary>Photos the resident takes or chooses (JPEG or PNG), kept privately; the answer holds their ids.</summary>
    Image,
}

/// <summary>
/// A survey's questions in order: the schema of our own that a form version's JSON holds. <see cref="Schema"/> names
/// the shape of this record, so that a later shape can still read the answers given to an earlier one.
/// </summary>
public sealed record SurveyForm(IReadOnlyList<SurveyItem> Items)
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public IEnumerable<SurveyItem> Questions => Items.Where(i => i.IsQuestion);
}

/// <summary>
/// One item of a form. Only the settings of its <see cref="Kind"/> are used: <see cref="Choices"/> for the choice kinds,
/// <see cref="MinChoices"/>/<see cref="MaxChoices"/> for multiple choice, <see cref="MinLength"/>/<see cref="MaxLength"/>
/// for text, <see cref="Min"/>/<see cref="Max"/> for numbers and the rating scale (1 to <see cref="Max"/>),
/// <see cref="MaxImages"/> for images.
/// </summary>
/// <param name="Key">Stable within the survey (<c>q1</c>, <c>age</c>); answers are stored under it.</param>
/// <param name="Label">The question, or the section's heading.</param>
/// <param name="Description">Help under the label, or the section's text.</param>
/// <param name="ShowWhen">Shown only when an earlier question was answered with one of the given choices.</param>
public sealed record SurveyItem(
    string Key,
    SurveyItemKind Kind,
    string Label,
    string? Description = null,
    bool Required = false,
    IReadOnlyList<SurveyChoice>? Choices = null,
    int? MinChoices = null,
    int? MaxChoices = null,
    int? MinLength = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    SurveyCondition? ShowWhen = null,
    int? MaxImages = null)
{
    public bool IsQuestion => Kind != SurveyItemKind.Section;

    public bool HasChoices => Kind is SurveyItemKind.SingleChoice or SurveyItemKind.MultipleChoice or SurveyItemKind.Dropdown;

    /// <summary>Text kinds: how long an answer may be when the form says nothing.</summary>
    public int EffectiveMaxLength => MaxLength ?? SurveyFormLimits.DefaultMaxLength(Kind);

    /// <summary>The rating scale's top (1 to this).</summary>
    public int RatingTop => (int)(Max ?? SurveyFormLimits.DefaultRatingTop);

    /// <summary>How many images an image question takes.</summary>
    public int EffectiveMaxImages => MaxImages ?? 1;
}

/// <param name="Key">Stored in answers; stable within the question.</param>
public sealed record SurveyChoice(string Key, string Label);

/// <param name="QuestionKey">An earlier question with choices (or a rating).</param>
/// <param name="AnyOf">The choice keys (or rating values) that show the item.</param>
public sealed record SurveyCondition(string QuestionKey, IReadOnlyList<string> AnyOf);

/// <summary>The bounds every form keeps, whatever its author asked for.</summary>
public static class SurveyFormLimits
{
    public const int MaxItems = 200;
    public const int MaxChoices = 100;
    public const int MaxKeyLength = 40;
    public const int MaxLabelLength = 500;
    public const int MaxDescriptionLength = 2000;
    public const int ShortTextCeiling = 200;
    public const int LongTextCeiling = 4000;
    public const int MaxRatingTop = 10;
    public const int DefaultRatingTop = 5;
    public const int MaxImagesCeiling = 3;

    public static int DefaultMaxLength(SurveyItemKind kind) => kind switch
    {
        SurveyItemKind.ShortText => 100,
        SurveyItemKind.LongText => 2000,
        _ => 0,
    };
}
