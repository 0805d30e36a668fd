using SmartBranch.Line.RichMenus;

namespace SmartBranch.Modules.RichMenus.Domain;

/// <summary>
/// LINE's rules for a rich menu, checked before anything reaches LINE so that staff see every problem at once, in
/// Japanese (https://developers.line.biz/en/reference/messaging-api/#rich-menu-object, #action-objects).
/// </summary>
public static class RichMenuRules
{
    public const int MaxNameLength = LineRichMenuLimits.MaxNameLength;
    public const int MaxChatBarTextLength = LineRichMenuLimits.MaxChatBarTextLength;
    public const int MaxAreas = LineRichMenuLimits.MaxAreas;
    public const int MaxLabelLength = 20;
    public const int MaxUriLength = 1000;
    public const int MaxPostbackDataLength = 300;
    public const int MaxMessageTextLength = 300;

    private static readonly string[] UriSchemes = ["https", "http", "tel", "line"];

    /// <summary>Every problem of <paramref name="draft"/> on an image of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static IReadOnlyList<RichMenuProblem> Check(RichMenuDraft draft, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<RichMenuProblem>();
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            problems.Add(new("name", "メニュー名を入力してください。"));
        }
        else if (draft.Name.Length > MaxNameLength)
        {
            problems.Add(new("name", $"メニュー名は {MaxNameLength} 文字以内にしてください。"));
        }

        if (string.IsNullOrWhiteSpace(draft.ChatBarText))
        {
            problems.Add(new("chatBarText", "メニューバーに表示する文字を入力してください。"));
        }
        else if (draft.ChatBarText.Length > MaxChatBarTextLength)
        {
            problems.Add(new("chatBarText", $"メニューバーの文字は {MaxChatBarTextLength} 文字以内にしてください（いま {draft.ChatBarText.Length} 文字）。"));
        }

        var needsAlias = draft.Role == RichMenuRole.Tab || (draft.Role == RichMenuRole.Default && draft.TabAliasId is not null);
        if (needsAlias && !LineRichMenuLimits.IsAliasId(draft.TabAliasId))
        {
            problems.Add(new("tabAliasId", "タブの識別名は半角英小文字・数字・「_」「-」の 32 文字以内で入力してください。"));
        }

        if (draft.Areas.Count == 0)
        {
            problems.Add(new("areas", "タップできる領域を 1 つ以上作ってください。"));
        }
        else if (draft.Areas.Count > MaxAreas)
        {
            problems.Add(new("areas", $"タップできる領域は {MaxAreas} 個までです（いま {draft.Areas.Count} 個）。"));
        }

        for (var i = 0; i < draft.Areas.Count; i++)
        {
            CheckArea(draft.Areas[i], i, width, height, problems);
        }

        return problems;
    }

    private static void CheckArea(RichMenuArea area, int index, int width, int height, List<RichMenuProblem> problems)
    {
        var number = index + 1;
        var bounds = area.Bounds;
        if (bounds.X < 0 || bounds.Y < 0 || bounds.Width < 1 || bounds.Height < 1 || bounds.Right > width || bounds.Bottom > height)
        {
            problems.Add(new($"areas[{index}].bounds", $"領域 {number} が画像（{width}×{height}）からはみ出しています。"));
        }

        var action = area.Action;
        var field = $"areas[{index}].action";
        if (action.Label is { Length: > MaxLabelLength })
        {
            problems.Add(new(field, $"領域 {number} の読み上げ用ラベルは {MaxLabelLength} 文字以内にしてください。"));
        }

        var problem = action.Kind switch
        {
            RichMenuActionKind.Uri => CheckUri(action.Value),
            RichMenuActionKind.LiffPage => IsLiffPagePath(action.Value) ? null : "開く住民向けページ（例: reports/new）を指定してください。",
            RichMenuActionKind.Postback => CheckText(action.Value, MaxPostbackDataLength, "送るデータ"),
            RichMenuActionKind.Message => CheckText(action.Value, MaxMessageTextLength, "送るメッセージ"),
            RichMenuActionKind.SwitchTab => LineRichMenuLimits.IsAliasId(action.Value) ? null : "切り替え先のタブを選んでください。",
            _ => "動作の種類を選んでください。",
        };
        if (problem is not null)
        {
            problems.Add(new(field, $"領域 {number}: {problem}"));
        }
    }

    private static string? CheckUri(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "開くアドレスを入力してください。";
        }

        if (value.Length > MaxUriLength)
        {
            return $"アドレスは {MaxUriLength} 文字以内にしてください。";
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && UriSchemes.Contains(uri.Scheme)
            ? null
            : "アドレスは https:// などで始まる完全な形で入力してください（tel: で電話をかけることもできます）。";
    }

    private static string? CheckText(string value, int max, string what) =>
        string.IsNullOrWhiteSpace(value) ? $"{what}を入力してください。"
        : value.Length > max ? $"{what}は {max} 文字以内にしてください。"
        : null;

    /// <summary>A relative path of our resident pages: letters, digits, <c>-</c>, <c>_</c> and <c>/</c>, optionally a query.</summary>
    private static bool IsLiffPagePath(string value) =>
        !string.IsNullOrWhiteSpace(value) && !value.StartsWith('/') && !value.Contains("..", StringComparison.Ordinal)
        && Uri.TryCreate("https://liff.line.me/x/" + value, UriKind.Absolute, out var uri)
        && uri.Host == "liff.line.me" && uri.AbsolutePath.StartsWith("/x/", StringComparison.Ordinal);
}
