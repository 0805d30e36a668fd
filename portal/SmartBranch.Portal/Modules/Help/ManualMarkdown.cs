using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SmartBranch.Portal.Modules.Help;

/// <summary>
/// Markdown to HTML for the portal. The files are written to read well on their own (in the repository too), so
/// links to other sections (<c>broadcast.md</c>) and screenshots (<c>../screenshots/x.png</c>) are relative to the
/// file and become the portal's addresses here. Raw HTML in a file is shown as text, never passed through.
/// </summary>
public static class ManualMarkdown
{
    public const string ScreenshotPrefix = "../screenshots/";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    /// <param name="helpRoot">Where sections are served, e.g. <c>/portal/hirakawa/help</c>.</param>
    /// <param name="screenshotRoot">Where screenshots are served.</param>
    public static string ToHtml(string markdown, string helpRoot, string screenshotRoot)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = Resolve(link, helpRoot, screenshotRoot);
        }

        return document.ToHtml(Pipeline);
    }

    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown, Pipeline).ReplaceLineEndings(" ");

    /// <summary>The file names of the screenshots a section shows, in order.</summary>
    public static IReadOnlyList<string> ScreenshotsShown(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>()
            .Where(l => l.IsImage && l.Url is not null && l.Url.StartsWith(ScreenshotPrefix, StringComparison.Ordinal))
            .Select(l => l.Url![ScreenshotPrefix.Length..])
            .ToList();

    /// <summary>The ids of the sections a section links to (<c>[…](broadcast.md)</c>).</summary>
    public static IReadOnlyList<string> SectionsLinked(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>()
            .Where(l => !l.IsImage && l.Url is not null)
            .Select(l => l.Url!.Split('#')[0])
            .Where(IsSectionFile)
            .Select(u => u[..^3])
            .ToList();

    private static bool IsSectionFile(string path) =>
        !path.Contains('/', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal);

    private static string? Resolve(LinkInline link, string helpRoot, string screenshotRoot)
    {
        var url = link.Url;
        if (url is null)
        {
            return null;
        }

        if (link.IsImage && url.StartsWith(ScreenshotPrefix, StringComparison.Ordinal))
        {
            return $"{screenshotRoot}/{Uri.EscapeDataString(url[ScreenshotPrefix.Length..])}";
        }

        var (path, fragment) = url.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (url[..hash], url[hash..]) : (url, "");
        return !link.IsImage && IsSectionFile(path)
            ? $"{helpRoot}/{path[..^3]}{fragment}"
            : url;
    }
}
