using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartBranch.TestSupport.Manual;

/// <summary>The portal page a screenshot shows and the hash of the UI sources it was drawn from.</summary>
/// <param name="Page">The page's Razor file, relative to the repository.</param>
/// <param name="PageTemplate">Its <c>@page</c> template.</param>
public sealed record ManualScreenshotSource(string Page, string PageTemplate, string SourceHash);

/// <summary>
/// When a manual screenshot is stale. A screenshot records the SHA-256 of the page's UI sources when it was taken:
/// the page's Razor file, every component it uses (found by their tags, transitively), their scoped style sheets
/// and the texts (<c>.resx</c>) in their folders, line endings normalized. Any edit to what the page shows changes
/// the hash, while the shell, the shared style sheet and the code behind the page do not make every screenshot
/// stale. Deterministic and cheap: files only, no browser.
/// </summary>
public static partial class ManualScreenshotSources
{
    private const string PortalFolder = "portal/SmartBranch.Portal";

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmartBranch.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SmartBranch.sln not found above the test's directory.");
    }

    /// <summary>The page serving <paramref name="path"/> (e.g. <c>/portal/hirakawa/broadcasts/new</c>): the template with the most literal segments that matches.</summary>
    /// <exception cref="InvalidOperationException">No portal page serves the path.</exception>
    public static ManualScreenshotSource For(string repositoryRoot, string path)
    {
        var razorFiles = Directory.EnumerateFiles(Path.Combine(repositoryRoot, PortalFolder), "*.razor", SearchOption.AllDirectories).ToList();
        var (page, template) = razorFiles
            .SelectMany(file => PageDirective().Matches(File.ReadAllText(file)).Select(m => (file, template: m.Groups[1].Value)))
            .Select(p => (p.file, p.template, literals: Literals(p.template, path)))
            .Where(p => p.literals >= 0)
            .OrderByDescending(p => p.literals)
            .Select(p => (p.file, p.template))
            .FirstOrDefault();
        if (page is null)
        {
            throw new InvalidOperationException($"No page in {PortalFolder} serves {path}.");
        }

        return new ManualScreenshotSource(Relative(repositoryRoot, page), template, Hash(repositoryRoot, page, razorFiles));
    }

    // The number of literal segments if the template matches the path, else -1.
    private static int Literals(string template, string path)
    {
        var templateSegments = template.Trim('/').Split('/');
        var pathSegments = path.Split('?')[0].Trim('/').Split('/');
        if (templateSegments.Length != pathSegments.Length)
        {
            return -1;
        }

        var literals = 0;
        for (var i = 0; i < templateSegments.Length; i++)
        {
            if (templateSegments[i].StartsWith('{'))
            {
                continue;
            }

            if (!string.Equals(templateSegments[i], pathSegments[i], StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }

            literals++;
        }

        return literals;
    }

    private static string Hash(string repositoryRoot, string page, IReadOnlyList<string> razorFiles)
    {
        var byName = razorFiles.ToLookup(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        var components = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([page]);
        while (pending.TryPop(out var file))
        {
            if (!components.Add(file))
            {
                continue;
            }

            foreach (Match tag in ComponentTag().Matches(File.ReadAllText(file)))
            {
                foreach (var used in byName[tag.Groups[1].Value])
                {
                    pending.Push(used);
                }
            }
        }

        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var component in components)
        {
            sources.Add(component);
            if (File.Exists(component + ".css"))
            {
                sources.Add(component + ".css");
            }

            foreach (var texts in Directory.EnumerateFiles(Path.GetDirectoryName(component)!, "*.resx"))
            {
                sources.Add(texts);
            }
        }

        var content = new StringBuilder();
        foreach (var source in sources.Select(s => (relative: Relative(repositoryRoot, s), full: s)).OrderBy(s => s.relative, StringComparer.Ordinal))
        {
            content.Append(source.relative).Append('\n').Append(File.ReadAllText(source.full).ReplaceLineEndings("\n")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }

    private static string Relative(string repositoryRoot, string file) =>
        Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');

    [GeneratedRegex("""^@page\s+"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex PageDirective();

    [GeneratedRegex(@"<([A-Z][A-Za-z0-9]*)[\s/>]")]
    private static partial Regex ComponentTag();
}
