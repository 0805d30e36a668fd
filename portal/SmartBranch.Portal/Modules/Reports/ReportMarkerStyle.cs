namespace SmartBranch.Portal.Modules.Reports;

/// <summary>
/// How a category looks on the report maps: a colour from the Okabe–Ito palette (told apart with colour-blindness)
/// and a shape, so that no category is known by colour alone. A closed case's marker is hollow.
/// </summary>
public sealed record ReportMarkerStyle(string Colour, string Shape)
{
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
    private static readonly string[] Shapes = ["circle", "square", "diamond", "triangle"];

    /// <param name="index">The category's place in the tenant's list.</param>
    public static ReportMarkerStyle ForCategory(int index) =>
        new(Colours[index % Colours.Length], Shapes[(index / Colours.Length + index) % Shapes.Length]);
}
