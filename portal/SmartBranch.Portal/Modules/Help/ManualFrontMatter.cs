using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartBranch.Portal.Modules.Help;

/// <summary>The YAML between the <c>---</c> lines at the top of a manual file.</summary>
internal sealed class ManualFrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public int Order { get; set; }
    public string? Audience { get; set; }
    public bool Printout { get; set; }
    public List<string> Routes { get; set; } = [];
    public List<ScreenshotEntry> Screenshots { get; set; } = [];

    /// <summary>Splits a file into its front matter and its Markdown body.</summary>
    /// <exception cref="InvalidOperationException">The file has no front matter or it is not valid YAML.</exception>
    public static (ManualFrontMatter FrontMatter, string Body) Split(string name, string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name}: a manual file starts with front matter between two '---' lines.");
        }

        var end = normalized.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"{name}: the front matter has no closing '---' line.");
        }

        try
        {
            var frontMatter = Yaml.Deserialize<ManualFrontMatter?>(normalized[4..end]) ?? new ManualFrontMatter();
            return (frontMatter, normalized[(end + 5)..]);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidOperationException($"{name}: the front matter is not valid ({e.Message}).", e);
        }
    }

    internal sealed class ScreenshotEntry
    {
        public string? File { get; set; }
        public string? Path { get; set; }
        public string? WaitFor { get; set; }
        public List<ActionEntry> Setup { get; set; } = [];
        public List<MarkEntry> Marks { get; set; } = [];
    }

    internal sealed class ActionEntry
    {
        public string? Click { get; set; }
        public string? Fill { get; set; }
        public string? Value { get; set; }
    }

    internal sealed class MarkEntry
    {
        public string? Selector { get; set; }
        public string? Label { get; set; }
    }
}
