using SmartBranch.Line.Messages;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.Modules.RichMenus.Domain;

/// <summary>A menu as LINE's rich menu object: our LIFF pages become LIFF URLs, tab switches name their alias.</summary>
public static class RichMenuLineObject
{
    /// <summary>The postback data LINE sends with a tab switch, <c>richmenu:tab:{alias}</c>.</summary>
    public static string SwitchData(string aliasId) => $"richmenu:tab:{aliasId}";

    /// <param name="liffId">The environment's LIFF app, which opens <see cref="RichMenuActionKind.LiffPage"/> areas.</param>
    public static LineRichMenu From(RichMenuDraft draft, int width, int height, string? liffId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new LineRichMenu(
            new LineRichMenuSize(width, height),
            draft.OpenedAtFirst,
            draft.Name.Trim(),
            draft.ChatBarText.Trim(),
            [.. draft.Areas.Select(a => new LineRichMenuArea(
                new LineRichMenuBounds(a.Bounds.X, a.Bounds.Y, a.Bounds.Width, a.Bounds.Height),
                ToLineAction(a.Action, liffId)))]);
    }

    private static LineAction ToLineAction(RichMenuAction action, string? liffId)
    {
        LineAction line = action.Kind switch
        {
            RichMenuActionKind.Uri => new UriAction(action.Value),
            RichMenuActionKind.LiffPage => new UriAction($"https://liff.line.me/{liffId}/{action.Value}"),
            RichMenuActionKind.Postback => new PostbackAction(action.Value),
            RichMenuActionKind.Message => new MessageAction(action.Value),
            RichMenuActionKind.SwitchTab => new RichMenuSwitchAction(action.Value, SwitchData(action.Value)),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Unknown rich menu action."),
        };
        return line with { Label = string.IsNullOrWhiteSpace(action.Label) ? null : action.Label.Trim() };
    }
}
