using System.Text.Json;

namespace SmartBranch.TestSupport.Manual;

/// <summary>One screenshot as it was taken: for which section, of which page, from UI sources with which hash.</summary>
public sealed record ManualScreenshotRecord(string File, string Section, string Path, string Page, string SourceHash);

/// <summary><c>docs/manual/screenshots/manifest.json</c>: what every screenshot of the manual shows, written by the screenshot run.</summary>
public sealed record ManualScreenshotManifest(IReadOnlyList<ManualScreenshotRecord> Screenshots)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string DirectoryPath(string repositoryRoot) => System.IO.Path.Combine(repositoryRoot, "docs", "manual", "screenshots");

    public static string FilePath(string repositoryRoot) => System.IO.Path.Combine(DirectoryPath(repositoryRoot), "manifest.json");

    public static ManualScreenshotManifest Read(string repositoryRoot) =>
        File.Exists(FilePath(repositoryRoot))
            ? JsonSerializer.Deserialize<ManualScreenshotManifest>(File.ReadAllText(FilePath(repositoryRoot)), Json) ?? new([])
            : new([]);

    public void Write(string repositoryRoot) =>
        File.WriteAllText(FilePath(repositoryRoot), JsonSerializer.Serialize(this with { Screenshots = [.. Screenshots.OrderBy(s => s.File, StringComparer.Ordinal)] }, Json) + "\n");

    public ManualScreenshotRecord? Find(string file) => Screenshots.FirstOrDefault(s => s.File == file);
}
