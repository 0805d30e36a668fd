using SmartBranch.Modules.RichMenus.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartBranch.Modules.RichMenus.Features.ImportFiles;

/// <summary>
/// Reads <c>tenants/&lt;slug&gt;/richmenus/richmenus.yml</c> and the images it names: the menus a tenant environment
/// starts with. A tenant without the folder (one created in the console) has none.
/// </summary>
internal static class RichMenuFiles
{
    public const string FolderName = "richmenus";
    public const string FileName = "richmenus.yml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <exception cref="InvalidOperationException">The file is not valid YAML, names an unknown role or action, or a missing image.</exception>
    public static IReadOnlyList<RichMenuFileEntry> Load(string? tenantDirectory)
    {
        var folder = string.IsNullOrEmpty(tenantDirectory) ? null : Path.Combine(tenantDirectory, FolderName);
        var path = folder is null ? null : Path.Combine(folder, FileName);
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        MenusFile file;
        try
        {
            file = Yaml.Deserialize<MenusFile?>(File.ReadAllText(path)) ?? new MenusFile();
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"{path} is not valid YAML: {e.Message}", e);
        }

        return file.Menus.Select((m, i) => m.ToEntry(folder!, $"{path}, menu #{i + 1}")).ToList();
    }

    private sealed class MenusFile
    {
        public List<MenuEntry> Menus { get; set; } = [];
    }

    private sealed class MenuEntry
    {
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? TabAliasId { get; set; }
        public string ChatBarText { get; set; } = "";
        public bool OpenedAtFirst { get; set; }
        public string Image { get; set; } = "";
        public List<AreaEntry> Areas { get; set; } = [];

        public RichMenuFileEntry ToEntry(string folder, string where)
        {
            var imagePath = Path.Combine(folder, Image);
            if (string.IsNullOrWhiteSpace(Image) || !File.Exists(imagePath))
            {
                throw new InvalidOperationException($"{where}: the image '{Image}' does not exist.");
            }

            var draft = new RichMenuDraft(
                Name,
                ChatBarText,
                Parse<RichMenuRole>(Role, where),
                TabAliasId,
                OpenedAtFirst,
                Areas.Select(a => new RichMenuArea(
                    new RichMenuBounds(a.X, a.Y, a.Width, a.Height),
                    new RichMenuAction(Parse<RichMenuActionKind>(a.Action, where), a.Value, a.Label))).ToList());
            return new RichMenuFileEntry(draft, imagePath);
        }

        private static T Parse<T>(string value, string where) where T : struct, Enum =>
            Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"{where}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    private sealed class AreaEntry
    {
        public int X { get; set; }
        public int Y { get; set; }
        public int Width { get; set; }
        public int Height { get; set; }
        public string Action { get; set; } = "";
        public string Value { get; set; } = "";
        public string? Label { get; set; }
    }
}

/// <summary>A menu of the file and the path of its image.</summary>
internal sealed record RichMenuFileEntry(RichMenuDraft Draft, string ImagePath);
