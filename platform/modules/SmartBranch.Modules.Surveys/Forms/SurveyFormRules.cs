using System.Text.RegularExpressions;

namespace SmartBranch.Modules.Surveys.Forms;

/// <summary>A problem of a form: about one item (<paramref name="ItemIndex"/>, from 0) or, when null, the whole form.</summary>
/// <param name="Detail">What is wrong, in Japanese, without naming the item (a screen shows it beside the item).</param>
public sealed record SurveyFormProblem(int? ItemIndex, string ItemLabel, string Detail)
{
    /// <summary>The problem as one line that names its item, for lists and logs.</summary>
    public string Message => ItemIndex is { } index ? $"{index + 1} 番目の項目「{SurveyFormRules.Shorten(ItemLabel)}」: {Detail}" : Detail;
}

/// <summary>
/// Checks a form before it is saved, in Japanese for staff: unique keys, labels, non-empty choices, sane lengths and
/// ranges, and conditions that point back to an earlier question's choices (so a form always reads top to bottom).
/// </summary>
public static partial class SurveyFormRules
{
    /// <summary>Each problem as one line that names its item.</summary>
    public static IReadOnlyList<string> Check(SurveyForm form) => [.. Problems(form).Select(p => p.Message)];

    /// <summary>Each problem with the item it concerns, in form order.</summary>
    public static IReadOnlyList<SurveyFormProblem> Problems(SurveyForm form)
    {
        var problems = new List<SurveyFormProblem>();
        if (form.Items.Count == 0)
        {
            problems.Add(new SurveyFormProblem(null, "", "質問を 1 つ以上追加してください。"));
        }

        if (form.Items.Count > SurveyFormLimits.MaxItems)
        {
            problems.Add(new SurveyFormProblem(null, "", $"項目は {SurveyFormLimits.MaxItems} 個までです。"));
        }

        var earlier = new Dictionary<string, SurveyItem>(StringComparer.Ordinal);
        for (var index = 0; index < form.Items.Count; index++)
        {
            var item = form.Items[index];
            var errors = new List<string>();
            CheckItem(item, errors);
            if (item.ShowWhen is { } condition)
            {
                CheckCondition(condition, earlier, form.Items.Skip(index + 1), errors);
            }

            if (!string.IsNullOrEmpty(item.Key) && !earlier.TryAdd(item.Key, item))
            {
                errors.Add($"キー「{item.Key}」がほかの項目と重なっています。");
            }

            problems.AddRange(errors.Select(e => new SurveyFormProblem(index, item.Label, e)));
        }

        return problems;
    }

    private static void CheckItem(SurveyItem item, List<string> errors)
    {
        if (!KeyPattern().IsMatch(item.Key ?? ""))
        {
            errors.Add($"キーは半角英数字・ハイフン・下線の {SurveyFormLimits.MaxKeyLength} 文字までで、英字で始めてください。");
        }

        if (string.IsNullOrWhiteSpace(item.Label))
        {
            errors.Add($"{(item.IsQuestion ? "質問文" : "見出し")}を入力してください。");
        }
        else if (item.Label.Length > SurveyFormLimits.MaxLabelLength)
        {
            errors.Add($"質問文は {SurveyFormLimits.MaxLabelLength} 文字までです。");
        }

        if (item.Description is { Length: > SurveyFormLimits.MaxDescriptionLength })
        {
            errors.Add($"説明は {SurveyFormLimits.MaxDescriptionLength} 文字までです。");
        }

        if (!item.IsQuestion && item.Required)
        {
            errors.Add($"見出しは必須にできません。");
        }

        if (item.HasChoices)
        {
            CheckChoices(item, errors);
        }
        else if (item.Choices is { Count: > 0 })
        {
            errors.Add($"この種類の質問に選択肢は設定できません。");
        }

        if (item.Kind != SurveyItemKind.Image && item.MaxImages is not null)
        {
            errors.Add($"画像の枚数は画像の質問にだけ設定できます。");
        }

        switch (item.Kind)
        {
            case SurveyItemKind.ShortText or SurveyItemKind.LongText:
                CheckLengths(item, errors);
                break;
            case SurveyItemKind.Number when item.Min > item.Max:
                errors.Add($"最小値（{item.Min}）が最大値（{item.Max}）より大きくなっています。");
                break;
            case SurveyItemKind.Image when item.MaxImages is < 1 or > SurveyFormLimits.MaxImagesCeiling:
                errors.Add($"画像の枚数は 1 から {SurveyFormLimits.MaxImagesCeiling} 枚までにしてください。");
                break;
            case SurveyItemKind.Rating when item.Max is { } top && (top != decimal.Truncate(top) || top < 2 || top > SurveyFormLimits.MaxRatingTop):
                errors.Add($"評価の段階は 2 から {SurveyFormLimits.MaxRatingTop} までの整数にしてください。");
                break;
        }
    }

    private static void CheckChoices(SurveyItem item, List<string> errors)
    {
        var choices = item.Choices ?? [];
        if (choices.Count == 0)
        {
            errors.Add($"選択肢を 1 つ以上追加してください。");
            return;
        }

        if (choices.Count > SurveyFormLimits.MaxChoices)
        {
            errors.Add($"選択肢は {SurveyFormLimits.MaxChoices} 個までです。");
        }

        if (choices.Any(c => string.IsNullOrWhiteSpace(c.Label) || c.Label.Length > SurveyFormLimits.MaxLabelLength))
        {
            errors.Add($"空の選択肢、または {SurveyFormLimits.MaxLabelLength} 文字を超える選択肢があります。");
        }

        if (choices.Any(c => !KeyPattern().IsMatch(c.Key ?? "")))
        {
            errors.Add($"選択肢のキーは半角英数字・ハイフン・下線の {SurveyFormLimits.MaxKeyLength} 文字までで、英字で始めてください。");
        }

        if (choices.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            errors.Add($"選択肢のキーが重なっています。");
        }

        if (item.Kind != SurveyItemKind.MultipleChoice)
        {
            if (item.MinChoices is not null || item.MaxChoices is not null)
            {
                errors.Add($"選ぶ数の下限・上限は複数選択の質問にだけ設定できます。");
            }

            return;
        }

        var min = item.MinChoices ?? 0;
        var max = item.MaxChoices ?? choices.Count;
        if (min < 0 || max < 1 || min > max || max > choices.Count)
        {
            errors.Add($"選ぶ数は 0 以上、上限は 1 以上かつ選択肢の数（{choices.Count}）以下、下限は上限以下にしてください。");
        }
    }

    private static void CheckLengths(SurveyItem item, List<string> errors)
    {
        var ceiling = item.Kind == SurveyItemKind.ShortText ? SurveyFormLimits.ShortTextCeiling : SurveyFormLimits.LongTextCeiling;
        var min = item.MinLength ?? 0;
        var max = item.EffectiveMaxLength;
        if (min < 0 || max < 1 || max > ceiling || min > max)
        {
            errors.Add($"文字数の上限は 1 から {ceiling} まで、下限は 0 以上かつ上限以下にしてください。");
        }
    }

    private static void CheckCondition(
        SurveyCondition condition, Dictionary<string, SurveyItem> earlier, IEnumerable<SurveyItem> later, List<string> errors)
    {
        if (!earlier.TryGetValue(condition.QuestionKey ?? "", out var source))
        {
            errors.Add(later.Any(i => i.Key == condition.QuestionKey)
                ? $"表示の条件は、この項目より前の質問を指してください（「{condition.QuestionKey}」は後ろにあります）。"
                : $"表示の条件が指す質問「{condition.QuestionKey}」がありません。");
            return;
        }

        if (!source.HasChoices && source.Kind != SurveyItemKind.Rating)
        {
            errors.Add($"表示の条件にできるのは、選択式か評価の質問だけです。");
            return;
        }

        var values = source.Kind == SurveyItemKind.Rating
            ? Enumerable.Range(1, source.RatingTop).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()
            : (source.Choices ?? []).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (condition.AnyOf is not { Count: > 0 } || condition.AnyOf.Any(v => !values.Contains(v)))
        {
            errors.Add($"表示の条件には「{Shorten(source.Label)}」の選択肢を 1 つ以上、正しく指定してください。");
        }
    }

    internal static string Shorten(string? label) => label is null ? "" : label.Length > 20 ? label[..20] + "…" : label;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex KeyPattern();
}
