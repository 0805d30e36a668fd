using System.Reflection;

namespace SmartBranch.Portal.Modules.Help;

/// <summary>
/// The manual's sections, read once from the files embedded in the portal (<c>docs/manual/ja/*.md</c> and the
/// training handout), with the screenshots beside them. A file that breaks a rule stops the start-up with a
/// message naming it, so a broken manual never reaches staff.
/// </summary>
public sealed class ManualLibrary
{
    private const string SectionPrefix = "manual/sections/";
    private const string ScreenshotPrefix = "manual/screenshots/";

    private readonly Dictionary<string, ManualSection> _byId;
    private readonly Dictionary<string, ManualSection> _byRoute;
    private readonly Assembly _assembly;

    private ManualLibrary(IEnumerable<ManualSection> sections, Assembly assembly)
    {
        _assembly = assembly;
        Sections = sections.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        _byId = new Dictionary<string, ManualSection>(StringComparer.Ordinal);
        _byRoute = new Dictionary<string, ManualSection>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in Sections)
        {
            if (!_byId.TryAdd(section.Id, section))
            {
                throw new InvalidOperationException($"Two manual sections have the id '{section.Id}'.");
            }

            foreach (var route in section.Routes)
            {
                if (!_byRoute.TryAdd(route, section))
                {
                    throw new InvalidOperationException($"The route {route} is claimed by the manual sections '{_byRoute[route].Id}' and '{section.Id}'; one page has one section.");
                }
            }
        }
    }

    public IReadOnlyList<ManualSection> Sections { get; }

    /// <summary>The sections embedded in the portal assembly.</summary>
    public static ManualLibrary LoadEmbedded()
    {
        var assembly = typeof(ManualLibrary).Assembly;
        var sections = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(SectionPrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return Parse(n[SectionPrefix.Length..^3], reader.ReadToEnd());
            });
        return new ManualLibrary(sections, assembly);
    }

    /// <summary>One section from its file.</summary>
    /// <param name="id">The file name without <c>.md</c>.</param>
    /// <exception cref="InvalidOperationException">The file breaks a rule; the message says which.</exception>
    public static ManualSection Parse(string id, string text)
    {
        var name = $"{id}.md";
        var (frontMatter, body) = ManualFrontMatter.Split(name, text);
        if (frontMatter.Id != id)
        {
            throw new InvalidOperationException($"{name}: the front matter's id must be the file's name, '{id}'.");
        }

        if (string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            throw new InvalidOperationException($"{name}: the front matter has no title.");
        }

        var audience = frontMatter.Audience switch
        {
            null or "staff" => ManualAudience.Staff,
            "operator" => ManualAudience.Operator,
            var other => throw new InvalidOperationException($"{name}: the audience '{other}' is neither 'staff' nor 'operator'."),
        };
        var screenshots = frontMatter.Screenshots.Select(s => ToScreenshot(name, s)).ToList();
        return new ManualSection(
            id, frontMatter.Title, frontMatter.Summary ?? "", frontMatter.Order, audience, frontMatter.Routes, screenshots,
            body, ManualMarkdown.ToPlainText(body), frontMatter.Printout);
    }

    public IEnumerable<ManualSection> For(ManualAudience audience) => Sections.Where(s => s.Audience == audience);

    public ManualSection? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The section explaining the page with this <c>@page</c> template, if any.</summary>
    public ManualSection? ForRoute(string routeTemplate) =>
        _byRoute.GetValueOrDefault(routeTemplate.StartsWith('/') ? routeTemplate : "/" + routeTemplate);

    /// <summary>A screenshot's bytes, or null if there is none of that name.</summary>
    public byte[]? Screenshot(string file)
    {
        if (file.Contains('/', StringComparison.Ordinal) || !file.EndsWith(".png", StringComparison.Ordinal))
        {
            return null;
        }

        using var stream = _assembly.GetManifestResourceStream(ScreenshotPrefix + file);
        if (stream is null)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static ManualScreenshot ToScreenshot(string name, ManualFrontMatter.ScreenshotEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.File) || !entry.File.EndsWith(".png", StringComparison.Ordinal) || entry.Path is null)
        {
            throw new InvalidOperationException($"{name}: each screenshot needs a file (a .png name) and a path (empty for the start page).");
        }

        if (entry.Marks.Any(m => string.IsNullOrWhiteSpace(m.Selector) || string.IsNullOrWhiteSpace(m.Label)))
        {
            throw new InvalidOperationException($"{name}: each mark of {entry.File} needs a selector and a label.");
        }

        if (entry.Setup.Any(a => (a.Click is null) == (a.Fill is null)))
        {
            throw new InvalidOperationException($"{name}: each setup step of {entry.File} either clicks or fills one selector.");
        }

        return new ManualScreenshot(
            entry.File, entry.Path, entry.WaitFor,
            entry.Setup.Select(a => new ManualScreenshotAction(a.Click, a.Fill, a.Value)).ToList(),
            entry.Marks.Select(m => new ManualScreenshotMark(m.Selector!, m.Label!)).ToList());
    }
}
