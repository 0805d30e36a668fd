namespace SmartBranch.Modules.RichMenus.Domain;

/// <summary>What staff fill in for a menu: everything but the image, whose size is the menu's size.</summary>
/// <param name="TabAliasId">For a tab, and for a default menu that is the first of its tabs: the alias switch actions
/// name to show it (a–z, 0–9, <c>_</c>, <c>-</c>; at most 32).</param>
public sealed record RichMenuDraft(
    string Name,
    string ChatBarText,
    RichMenuRole Role,
    string? TabAliasId,
    bool OpenedAtFirst,
    IReadOnlyList<RichMenuArea> Areas);

/// <summary>One thing wrong with a menu, in Japanese for the staff member editing it.</summary>
/// <param name="Field">Which input: <c>name</c>, <c>chatBarText</c>, <c>tabAliasId</c>, <c>areas</c>, <c>areas[2].action</c>, <c>image</c>.</param>
public sealed record RichMenuProblem(string Field, string Message);
