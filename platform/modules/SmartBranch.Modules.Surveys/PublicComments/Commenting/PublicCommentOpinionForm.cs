using System.Text.Json;
using SmartBranch.Modules.Surveys.Answers;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Commenting;

/// <summary>A checked opinion: the identity fields' values (field → value) and the opinion's text.</summary>
public sealed record PublicCommentOpinionEntry(IReadOnlyDictionary<PublicCommentIdentityField, string> Identity, string Text);

/// <summary>
/// A case's opinion form as a survey form, so that the survey engine checks it (<see cref="SurveyAnswerRules"/>) and
/// the survey page draws it: the identity fields the case requires, then the opinion.
/// </summary>
public static class PublicCommentOpinionForm
{
    public const string OpinionKey = "opinion";
    public const int MaxOpinionLength = SurveyFormLimits.LongTextCeiling;

    /// <summary>区分's choices: who may send an opinion on a city's plan.</summary>
    public static readonly IReadOnlyList<SurveyChoice> Categories =
    [
        new("resident", "市内に住んでいる"),
        new("worker", "市内に勤めている"),
        new("student", "市内の学校に通っている"),
        new("business", "市内に事務所・事業所がある"),
        new("stakeholder", "この案件に利害関係がある"),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static SurveyForm For(IReadOnlyList<PublicCommentIdentityField> identityFields) =>
        new([.. identityFields.Select(Item), new SurveyItem(OpinionKey, SurveyItemKind.LongText, "ご意見", Required: true, MaxLength: MaxOpinionLength)]);

    public static string KeyOf(PublicCommentIdentityField field) => field.ToString().ToLowerInvariant();

    public static string Label(PublicCommentIdentityField field) => field switch
    {
        PublicCommentIdentityField.Name => "氏名",
        PublicCommentIdentityField.Address => "住所",
        PublicCommentIdentityField.Phone => "電話番号",
        PublicCommentIdentityField.Category => "区分",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>How a stored value reads: 区分's key as its label, anything else as given.</summary>
    public static string Display(PublicCommentIdentityField field, string value) =>
        field == PublicCommentIdentityField.Category ? Categories.FirstOrDefault(c => c.Key == value)?.Label ?? value : value;

    /// <summary>Checks what the resident entered against the case's form.</summary>
    public static (PublicCommentOpinionEntry? Entry, SurveyAnswerCheck Check) Check(
        IReadOnlyList<PublicCommentIdentityField> identityFields, IReadOnlyDictionary<string, IReadOnlyList<string>> given)
    {
        var check = SurveyAnswerRules.Check(For(identityFields), given);
        if (!check.IsValid)
        {
            return (null, check);
        }

        var identity = identityFields.ToDictionary(f => f, f => check.Answers[KeyOf(f)][0]);
        return (new PublicCommentOpinionEntry(identity, check.Answers[OpinionKey][0]), check);
    }

    public static string SerializeIdentity(IReadOnlyDictionary<PublicCommentIdentityField, string> identity) =>
        JsonSerializer.Serialize(identity.ToDictionary(i => i.Key.ToString(), i => i.Value), JsonOptions);

    public static IReadOnlyDictionary<PublicCommentIdentityField, string> ParseIdentity(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonOptions)!
            .Where(i => Enum.TryParse<PublicCommentIdentityField>(i.Key, out _))
            .ToDictionary(i => Enum.Parse<PublicCommentIdentityField>(i.Key), i => i.Value);

    private static SurveyItem Item(PublicCommentIdentityField field) => field switch
    {
        PublicCommentIdentityField.Name => new(KeyOf(field), SurveyItemKind.ShortText, Label(field), "法人・団体の場合は、名称と代表者の氏名", Required: true, MaxLength: 100),
        PublicCommentIdentityField.Address => new(KeyOf(field), SurveyItemKind.ShortText, Label(field), "法人・団体の場合は、所在地", Required: true, MaxLength: 200),
        PublicCommentIdentityField.Phone => new(KeyOf(field), SurveyItemKind.Phone, Label(field), Required: true),
        PublicCommentIdentityField.Category => new(KeyOf(field), SurveyItemKind.SingleChoice, Label(field), "あてはまるものを 1 つ", Required: true, Choices: Categories),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
