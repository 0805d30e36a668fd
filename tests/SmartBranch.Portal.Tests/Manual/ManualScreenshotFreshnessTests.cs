using SmartBranch.Portal.Modules.Help;
using SmartBranch.TestSupport.Manual;

namespace SmartBranch.Portal.Tests.Manual;

/// <summary>
/// The screenshots the manual shows exist and show the page as it is now. A screenshot is stale when the hash of
/// its page's UI sources (<see cref="ManualScreenshotSources"/>) differs from the one recorded when it was taken.
/// Regenerate with <c>UPDATE_MANUAL_SCREENSHOTS=1 dotnet test --filter "FullyQualifiedName~ManualScreenshots"</c> in tests/SmartBranch.EndToEndTests.
/// </summary>
public sealed class ManualScreenshotFreshnessTests
{
    private const string Regenerate = "Regenerate with: cd tests/SmartBranch.EndToEndTests && UPDATE_MANUAL_SCREENSHOTS=1 dotnet test --filter \"FullyQualifiedName~ManualScreenshots\"";

    private static readonly ManualLibrary Manual = ManualLibrary.LoadEmbedded();
    private static readonly string Root = ManualScreenshotSources.RepositoryRoot();

    [Fact]
    public void Every_screenshot_the_manual_shows_exists_and_has_steps_to_take_it_again()
    {
        var manifest = ManualScreenshotManifest.Read(Root);
        var problems = new List<string>();
        foreach (var section in Manual.Sections)
        {
            foreach (var file in ManualMarkdown.ScreenshotsShown(section.Markdown))
            {
                if (!File.Exists(Path.Combine(ManualScreenshotManifest.DirectoryPath(Root), file)) || Manual.Screenshot(file) is null)
                {
                    problems.Add($"{section.Id}: {file} is missing");
                }

                if (section.Screenshots.All(s => s.File != file))
                {
                    problems.Add($"{section.Id}: {file} has no screenshot step in the front matter");
                }

                if (manifest.Find(file) is null)
                {
                    problems.Add($"{section.Id}: {file} is not in manifest.json");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + Regenerate);
    }

    [Fact]
    public void No_screenshot_is_older_than_the_page_it_shows()
    {
        var stale = ManualScreenshotManifest.Read(Root).Screenshots
            .Where(s => ManualScreenshotSources.For(Root, s.Path).SourceHash != s.SourceHash)
            .Select(s => $"{s.File} ({s.Page} changed since it was taken)")
            .ToList();

        Assert.True(stale.Count == 0, "Stale screenshots:\n" + string.Join("\n", stale) + "\n" + Regenerate);
    }

    [Fact]
    public void Every_screenshot_step_has_been_taken()
    {
        var manifest = ManualScreenshotManifest.Read(Root);

        var untaken = Manual.Sections.SelectMany(s => s.Screenshots).Where(s => manifest.Find(s.File) is null).Select(s => s.File).ToList();

        Assert.True(untaken.Count == 0, "Screenshot steps never taken: " + string.Join(", ", untaken) + "\n" + Regenerate);
    }
}
