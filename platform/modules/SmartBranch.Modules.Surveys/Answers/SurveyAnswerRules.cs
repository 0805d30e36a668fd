using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Answers;

/// <param name="QuestionKey">The question the message is about.</param>
/// <param name="Message">Plain Japanese for the resident: what is wrong and what to enter instead.</param>
public sealed record SurveyAnswerError(string QuestionKey, string Message);

/// <param name="Answers">The answers to store: shown questions only, cleaned (trimmed, half-width where a format asks for it).</param>
/// <param name="Errors">One per question in error, in form order.</param>
public sealed record SurveyAnswerCheck(IReadOnlyDictionary<string, IReadOnlyList<string>> Answers, IReadOnlyList<SurveyAnswerError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a resident's answers against a form, question by question, in order: questions hidden by their condition
/// lose their answers; each shown question gets its kind's rules (required, lengths, ranges, formats, choice counts).
/// Pure: no clock, no database. Every message is for the resident, in Japanese.
/// </summary>
public static partial class SurveyAnswerRules
{
    /// <summary>Longer than any question accepts: refused outright, whatever the question's own limit.</summary>
    public const int MaxRawValueLength = 20_000;

    public static SurveyAnswerCheck Check(SurveyForm form, IReadOnlyDictionary<string, IReadOnlyList<string>> given)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var errors = new List<SurveyAnswerError>();
        foreach (var question in form.Questions)
        {
            if (!IsShown(question, answers))
            {
                continue;
            }

            var values = given.TryGetValue(question.Key, out var raw) ? Clean(raw) : [];
            var (kept, message) = CheckQuestion(question, values);
            if (message is not null)
            {
                errors.Add(new SurveyAnswerError(question.Key, message));
            }
            else if (kept.Count > 0)
            {
                answers[question.Key] = kept;
            }
        }

        return new SurveyAnswerCheck(answers, errors);
    }

    /// <summary>Whether <paramref name="item"/> is shown, given the answers to the questions before it.</summary>
    public static bool IsShown(SurveyItem item, IReadOnlyDictionary<string, IReadOnlyList<string>> earlierAnswers) =>
        item.ShowWhen is not { } condition
        || (earlierAnswers.TryGetValue(condition.QuestionKey, out var chosen) && chosen.Any(condition.AnyOf.Contains));

    private static List<string> Clean(IReadOnlyList<string> raw) =>
        raw.Select(v => StripControls(v ?? "").Trim()).Where(v => v.Length > 0).ToList();

    // Line breaks and tabs are text; other control characters are not (and PostgreSQL refuses NUL).
    private static string StripControls(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.Any(c => char.IsControl(c) && c is not '\n' and not '\t')
            ? string.Concat(text.Where(c => !char.IsControl(c) || c is '\n' or '\t'))
            : text;
    }

    private static (IReadOnlyList<string> Kept, string? Message) CheckQuestion(SurveyItem question, List<string> values)
    {
        if (values.Any(v => v.Length > MaxRawValueLength))
        {
            return ([], "入力が長すぎるため受け付けられませんでした。短くしてから、もう一度送ってください。");
        }

        if (values.Count == 0)
        {
            return ([], question.Required ? RequiredMessage(question) : null);
        }

        if (question.Kind == SurveyItemKind.Image)
        {
            return values.Count > question.EffectiveMaxImages ? ([], ImageCountMessage(question.EffectiveMaxImages)) : (values, null);
        }

        if (question.Kind != SurveyItemKind.MultipleChoice && values.Count > 1)
        {
            return ([], question.HasChoices || question.Kind == SurveyItemKind.Rating ? "一つだけ選んでください。" : "回答は一つだけ入力してください。");
        }

        var value = values[0];
        return question.Kind switch
        {
            SurveyItemKind.SingleChoice or SurveyItemKind.Dropdown => One(value, ChoiceMessage(question, values)),
            SurveyItemKind.MultipleChoice => (values.Distinct(StringComparer.Ordinal).ToList(), ChoiceMessage(question, values)),
            SurveyItemKind.ShortText or SurveyItemKind.LongText => One(value, LengthMessage(question, value)),
            SurveyItemKind.Number => Number(question, value),
            SurveyItemKind.Date => Date(value),
            SurveyItemKind.Phone => Phone(value),
            SurveyItemKind.Email => Email(value),
            SurveyItemKind.PostalCode => PostalCode(value),
            SurveyItemKind.Rating => Rating(question, value),
            _ => ([], null),
        };
    }

    /// <summary>Too many images for a question that takes <paramref name="max"/>.</summary>
    public static string ImageCountMessage(int max) => $"画像は {max} 枚まで送れます。減らしてから、もう一度送ってください。";

    private static (IReadOnlyList<string>, string?) One(string value, string? message) => message is null ? ([value], null) : ([], message);

    private static string RequiredMessage(SurveyItem question) => question.Kind switch
    {
        SurveyItemKind.MultipleChoice => "一つ以上選んでください（この質問は回答が必要です）。",
        SurveyItemKind.SingleChoice or SurveyItemKind.Dropdown or SurveyItemKind.Rating => "どれか一つを選んでください（この質問は回答が必要です）。",
        SurveyItemKind.Image => "画像を選んでください（この質問は回答が必要です）。",
        _ => "この質問は回答が必要です。入力してください。",
    };

    private static string? ChoiceMessage(SurveyItem question, List<string> values)
    {
        var keys = (question.Choices ?? []).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (values.Any(v => !keys.Contains(v)))
        {
            return "選べない値が送られました。一覧の中から選び直してください。";
        }

        var count = values.Distinct(StringComparer.Ordinal).Count();
        return question.Kind != SurveyItemKind.MultipleChoice ? null
            : question.MinChoices is { } min && count < min ? $"{min} 個以上選んでください（いまは {count} 個です）。"
            : question.MaxChoices is { } max && count > max ? $"選べるのは {max} 個までです（いまは {count} 個です）。"
            : null;
    }

    private static string? LengthMessage(SurveyItem question, string value)
    {
        var length = new StringInfo(value).LengthInTextElements;
        return length > question.EffectiveMaxLength ? $"{question.EffectiveMaxLength} 文字以内で入力してください（いまは {length} 文字です）。"
            : question.MinLength is { } min && length < min ? $"{min} 文字以上で入力してください（いまは {length} 文字です）。"
            : null;
    }

    private static (IReadOnlyList<string>, string?) Number(SurveyItem question, string value)
    {
        var text = Narrow(value).Replace(",", "", StringComparison.Ordinal).Replace('−', '-');
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return ([], "数字で入力してください（例: 35）。");
        }

        var outOfRange = (question.Min, question.Max) switch
        {
            ({ } min, { } max) when number < min || number > max => $"{min} から {max} までの数を入力してください。",
            ({ } min, null) when number < min => $"{min} 以上の数を入力してください。",
            (null, { } max) when number > max => $"{max} 以下の数を入力してください。",
            _ => null,
        };
        return outOfRange is null ? ([number.ToString(CultureInfo.InvariantCulture)], null) : ([], outOfRange);
    }

    private static (IReadOnlyList<string>, string?) Date(string value)
    {
        var text = Narrow(value).Replace('/', '-');
        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? ([date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], null)
            : ([], "日付を「2026-04-01」の形で入力してください。");
    }

    private static (IReadOnlyList<string>, string?) Phone(string value)
    {
        var text = Narrow(value);
        var digits = PhoneSeparators().Replace(text, "");
        return PhoneDigits().IsMatch(digits) && PhoneCharacters().IsMatch(text)
            ? ([text], null)
            : ([], "電話番号を、0 から始まる 10 桁か 11 桁の数字で入力してください（例: 0172-44-1111）。");
    }

    private static (IReadOnlyList<string>, string?) Email(string value)
    {
        var text = Narrow(value);
        return text.Length <= 254 && EmailPattern().IsMatch(text)
            ? ([text], null)
            : ([], "メールアドレスの形が正しくありません（例: taro@example.jp）。");
    }

    private static (IReadOnlyList<string>, string?) PostalCode(string value)
    {
        var match = PostalPattern().Match(Narrow(value).Replace("〒", "", StringComparison.Ordinal).Trim());
        return match.Success
            ? ([$"{match.Groups[1].Value}-{match.Groups[2].Value}"], null)
            : ([], "郵便番号を 7 桁の数字で入力してください（例: 036-0104）。");
    }

    private static (IReadOnlyList<string>, string?) Rating(SurveyItem question, string value) =>
        int.TryParse(Narrow(value), NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating >= 1 && rating <= question.RatingTop
            ? ([rating.ToString(CultureInfo.InvariantCulture)], null)
            : ([], $"1 から {question.RatingTop} の中から選んでください。");

    /// <summary>Full-width digits, letters and hyphens as residents often type them, made half-width.</summary>
    private static string Narrow(string value) => value.Normalize(NormalizationForm.FormKC).Replace('‐', '-').Replace('－', '-').Trim();

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^0[0-9]{9,10}$")]
    private static partial Regex PhoneDigits();

    [GeneratedRegex(@"^[0-9\-() ]+$")]
    private static partial Regex PhoneCharacters();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^([0-9]{3})-?([0-9]{4})$")]
    private static partial Regex PostalPattern();
}
