using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Portal.Modules.RichMenus;

/// <summary>
/// LINE's standard rich menu templates (as in LINE Official Account Manager): large ones for 2500×1686 images and
/// compact ones for 2500×843. Each divides whatever image it is applied to in the same proportions, so the areas
/// always cover the image exactly, the last row and column taking the odd pixel.
/// </summary>
public static class RichMenuLayouts
{
    public static IReadOnlyList<RichMenuLayout> Large { get; } =
    [
        new("large-6", RichMenuSize.Large, [Row(3), Row(3)]),
        new("large-4", RichMenuSize.Large, [Row(2), Row(2)]),
        new("large-3", RichMenuSize.Large, [Row(1), Row(2)]),
        new("large-2-side", RichMenuSize.Large, [Row(2)]),
        new("large-2-stacked", RichMenuSize.Large, [Row(1), Row(1)]),
        new("large-1", RichMenuSize.Large, [Row(1)]),
    ];

    public static IReadOnlyList<RichMenuLayout> Compact { get; } =
    [
        new("compact-3", RichMenuSize.Compact, [Row(3)]),
        new("compact-2", RichMenuSize.Compact, [Row(2)]),
        new("compact-2-uneven", RichMenuSize.Compact, [[1, 2]]),
        new("compact-1", RichMenuSize.Compact, [Row(1)]),
    ];

    /// <summary>The size class nearer to the image's shape: large menus are about 1.48 times as wide as high, compact ones 2.97.</summary>
    public static RichMenuSize SizeOf(int width, int height) => (double)width / height < 2.2 ? RichMenuSize.Large : RichMenuSize.Compact;

    private static int[] Row(int columns) => Enumerable.Repeat(1, columns).ToArray();
}

public enum RichMenuSize
{
    Large,
    Compact,
}

/// <summary>A standard layout: equally high rows, each divided into columns of the given relative widths.</summary>
public sealed record RichMenuLayout(string Id, RichMenuSize Size, IReadOnlyList<int[]> Rows)
{
    public int AreaCount => Rows.Sum(r => r.Length);

    /// <summary>The layout's areas on an image of <paramref name="width"/> × <paramref name="height"/>, row by row from the top left.</summary>
    public IReadOnlyList<RichMenuBounds> Bounds(int width, int height)
    {
        var bounds = new List<RichMenuBounds>();
        for (var row = 0; row < Rows.Count; row++)
        {
            var top = height * row / Rows.Count;
            var bottom = height * (row + 1) / Rows.Count;
            var weights = Rows[row];
            var total = weights.Sum();
            var before = 0;
            foreach (var weight in weights)
            {
                var left = width * before / total;
                before += weight;
                var right = width * before / total;
                bounds.Add(new RichMenuBounds(left, top, right - left, bottom - top));
            }
        }

        return bounds;
    }
}
