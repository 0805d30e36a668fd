namespace SmartBranch.Portal.Shell.LinePreview;

/// <summary>A rich menu as the preview draws it: its image, the chat bar's text and its tappable areas in image pixels.</summary>
public sealed record LineRichMenuPreviewMenu(string ImageUrl, int Width, int Height, string ChatBarText, IReadOnlyList<LineRichMenuPreviewArea> Areas);

/// <param name="Label">What the area does, shown when it is pointed at or focused.</param>
/// <param name="SwitchTo">The tab alias a tap switches to, if it switches tabs.</param>
public sealed record LineRichMenuPreviewArea(int X, int Y, int Width, int Height, string Label, string? SwitchTo = null);
