namespace SmartBranch.Portal.Modules.Help;

/// <summary>Who a section is written for: city staff read it in the tenant portal, operators in the console.</summary>
public enum ManualAudience
{
    Staff,
    Operator,
}

/// <summary>
/// One section of the operations manual: a Markdown file under <c>docs/manual/ja/</c> (or the training handout),
/// whose front matter names the portal routes it explains and the screenshots that illustrate it.
/// </summary>
/// <param name="Id">The file name without <c>.md</c>; the section's address is <c>help/{Id}</c>.</param>
/// <param name="Routes">Page templates exactly as their <c>@page</c> directives spell them.</param>
/// <param name="Markdown">The body, without its front matter.</param>
/// <param name="PlainText">The body as text, for search.</param>
/// <param name="Printout">Printed one A4 page per second-level heading (the training handout).</param>
public sealed record ManualSection(
    string Id,
    string Title,
    string Summary,
    int Order,
    ManualAudience Audience,
    IReadOnlyList<string> Routes,
    IReadOnlyList<ManualScreenshot> Screenshots,
    string Markdown,
    string PlainText,
    bool Printout);

/// <summary>
/// How the screenshot run takes one screenshot: the page to open (relative to the demo tenant's portal, or an
/// absolute <c>/ops</c> path), what to do on it first, and the elements to outline with numbered callouts.
/// </summary>
/// <param name="File">The PNG's name under <c>docs/manual/screenshots/</c>.</param>
/// <param name="WaitFor">A CSS selector the page shows once ready; an interactive form is also waited on until it is connected.</param>
public sealed record ManualScreenshot(
    string File,
    string Path,
    string? WaitFor,
    IReadOnlyList<ManualScreenshotAction> Setup,
    IReadOnlyList<ManualScreenshotMark> Marks)
{
    public bool IsConsole => Path.StartsWith("/ops", StringComparison.Ordinal);
}

/// <summary>A step before the screenshot: click <see cref="Click"/>, or fill <see cref="Fill"/> with <see cref="Value"/>.</summary>
public sealed record ManualScreenshotAction(string? Click, string? Fill, string? Value);

/// <summary>An element to outline, numbered in the order given, with the words the callout shows.</summary>
public sealed record ManualScreenshotMark(string Selector, string Label);
