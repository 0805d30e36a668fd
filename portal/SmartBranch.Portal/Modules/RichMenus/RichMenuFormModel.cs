using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Portal.Modules.RichMenus;

/// <summary>What the editor holds while staff type: every field as typed, turned into a draft only to check or save it.</summary>
public sealed class RichMenuFormModel
{
    public string Name { get; set; } = "";

    public string ChatBarText { get; set; } = "";

    public RichMenuRole Role { get; set; } = RichMenuRole.Segment;

    public string TabAliasId { get; set; } = "";

    public bool OpenedAtFirst { get; set; }

    public List<AreaInput> Areas { get; } = [];

    public static RichMenuFormModel From(RichMenuDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var model = new RichMenuFormModel
        {
            Name = draft.Name,
            ChatBarText = draft.ChatBarText,
            Role = draft.Role,
            TabAliasId = draft.TabAliasId ?? "",
            OpenedAtFirst = draft.OpenedAtFirst,
        };
        model.Areas.AddRange(draft.Areas.Select(AreaInput.From));
        return model;
    }

    /// <summary>
    /// Lays the areas out as <paramref name="layout"/> on the image, keeping the actions already set, in order;
    /// areas beyond the layout's count are dropped, new ones start empty.
    /// </summary>
    public void Apply(RichMenuLayout layout, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var bounds = layout.Bounds(width, height);
        var kept = Areas.Take(bounds.Count).ToList();
        Areas.Clear();
        for (var i = 0; i < bounds.Count; i++)
        {
            var area = i < kept.Count ? kept[i] : new AreaInput();
            area.Place(bounds[i]);
            Areas.Add(area);
        }
    }

    public RichMenuDraft ToDraft()
    {
        var hasAlias = Role is RichMenuRole.Tab or RichMenuRole.Default && !string.IsNullOrWhiteSpace(TabAliasId);
        return new RichMenuDraft(Name, ChatBarText, Role, hasAlias ? TabAliasId.Trim() : null, OpenedAtFirst, [.. Areas.Select(a => a.ToArea())]);
    }
}

/// <summary>One tappable area as typed: its rectangle in image pixels and its action.</summary>
public sealed class AreaInput
{
    /// <summary>Keeps an area's inputs with it when others are removed.</summary>
    public Guid Key { get; } = Guid.NewGuid();

    public int X { get; set; }

    public int Y { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public RichMenuActionKind Kind { get; set; } = RichMenuActionKind.Uri;

    public string Value { get; set; } = "";

    public string Label { get; set; } = "";

    public static AreaInput From(RichMenuArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var input = new AreaInput { Kind = area.Action.Kind, Value = area.Action.Value, Label = area.Action.Label ?? "" };
        input.Place(area.Bounds);
        return input;
    }

    public void Place(RichMenuBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        (X, Y, Width, Height) = (bounds.X, bounds.Y, bounds.Width, bounds.Height);
    }

    public RichMenuBounds Bounds => new(X, Y, Width, Height);

    public RichMenuArea ToArea() =>
        new(Bounds, new RichMenuAction(Kind, Value.Trim(), string.IsNullOrWhiteSpace(Label) ? null : Label.Trim()));
}
