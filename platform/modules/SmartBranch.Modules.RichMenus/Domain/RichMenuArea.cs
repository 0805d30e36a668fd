namespace SmartBranch.Modules.RichMenus.Domain;

/// <summary>A tappable rectangle of the menu's image, in image pixels from the top left corner, and what a tap does.</summary>
public sealed record RichMenuArea(RichMenuBounds Bounds, RichMenuAction Action);

public sealed record RichMenuBounds(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;
}

public enum RichMenuActionKind
{
    /// <summary>Opens <see cref="RichMenuAction.Value"/>: a city page or system (https), a phone number (tel:).</summary>
    Uri,

    /// <summary>Opens one of our resident pages (a path such as <c>reports/new</c>) in the environment's LIFF app.</summary>
    LiffPage,

    /// <summary>Sends <see cref="RichMenuAction.Value"/> to the webhook as postback data, silently.</summary>
    Postback,

    /// <summary>Sends <see cref="RichMenuAction.Value"/> as the resident's own chat message.</summary>
    Message,

    /// <summary>Switches to the tab whose alias is <see cref="RichMenuAction.Value"/>.</summary>
    SwitchTab,
}

/// <param name="Label">What screen readers say for the area (at most 20 characters); optional.</param>
public sealed record RichMenuAction(RichMenuActionKind Kind, string Value, string? Label = null);
