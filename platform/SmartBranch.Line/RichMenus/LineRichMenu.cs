using System.Text.Json.Serialization;
using SmartBranch.Line.Messages;

namespace SmartBranch.Line.RichMenus;

/// <summary>A rich menu object as LINE takes it (https://developers.line.biz/en/reference/messaging-api/#rich-menu-object).</summary>
/// <param name="Selected">Whether the menu is open when it is first shown.</param>
/// <param name="Name">For the channel's own management, at most 300 characters; residents never see it.</param>
/// <param name="ChatBarText">The label of the bar below the chat that opens and closes the menu, at most 14 characters.</param>
public sealed record LineRichMenu(
    [property: JsonPropertyName("size")] LineRichMenuSize Size,
    [property: JsonPropertyName("selected")] bool Selected,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("chatBarText")] string ChatBarText,
    [property: JsonPropertyName("areas")] IReadOnlyList<LineRichMenuArea> Areas);

/// <summary>The pixel size of the menu's image.</summary>
public sealed record LineRichMenuSize(
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);

/// <summary>A tappable rectangle of the image and what a tap does.</summary>
public sealed record LineRichMenuArea(
    [property: JsonPropertyName("bounds")] LineRichMenuBounds Bounds,
    [property: JsonPropertyName("action")] LineAction Action);

/// <summary>A rectangle in image pixels, from the top left corner.</summary>
public sealed record LineRichMenuBounds(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);

/// <summary>A rich menu the channel holds, as the list endpoint describes it (its areas left out).</summary>
public sealed record LineRichMenuSummary(string RichMenuId, string Name, string ChatBarText, LineRichMenuSize Size);

/// <summary>A rich menu alias: the name a <see cref="RichMenuSwitchAction"/> switches to, and the menu it stands for.</summary>
public sealed record LineRichMenuAlias(string RichMenuAliasId, string RichMenuId);
