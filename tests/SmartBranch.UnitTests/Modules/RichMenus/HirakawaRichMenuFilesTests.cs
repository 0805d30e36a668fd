using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Images;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartBranch.UnitTests.Modules.RichMenus;

/// <summary>Hirakawa's rich menus in <c>tenants/hirakawa/richmenus/</c> keep to LINE's rules, images included.</summary>
public sealed class HirakawaRichMenuFilesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa", "richmenus");

    private static List<MenuFile> Menus() =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<MenusFile>(File.ReadAllText(Path.Combine(Folder, "richmenus.yml"))).Menus;

    [Fact]
    public void There_is_one_default_menu_with_its_tabs_and_one_disaster_menu()
    {
        var menus = Menus();

        Assert.Single(menus, m => m.Role == "default");
        Assert.Single(menus, m => m.Role == "disaster");
        Assert.Contains(menus, m => m.Role == "tab");
    }

    [Fact]
    public void Every_menu_and_its_image_keep_to_LINEs_rules()
    {
        foreach (var menu in Menus())
        {
            var inspection = RichMenuImages.Inspect(File.ReadAllBytes(Path.Combine(Folder, menu.Image)));
            var problems = RichMenuRules.Check(menu.ToDraft(), inspection.Width, inspection.Height);

            Assert.True(inspection.IsAcceptable, $"{menu.Image}: {string.Join(" ", inspection.Problems)}");
            Assert.True(problems.Count == 0, $"{menu.Name}: {string.Join(" ", problems.Select(p => p.Message))}");
        }
    }

    [Fact]
    public void Every_tab_switch_names_a_tab_of_the_file()
    {
        var menus = Menus();
        var aliases = menus.Where(m => m.TabAliasId is not null).Select(m => m.TabAliasId).ToHashSet();

        var switches = menus.SelectMany(m => m.Areas).Where(a => a.Action == "switchTab").Select(a => a.Value).ToList();

        Assert.NotEmpty(switches);
        Assert.All(switches, alias => Assert.Contains(alias, aliases));
    }

    private sealed class MenusFile
    {
        public List<MenuFile> Menus { get; set; } = [];
    }

    private sealed class MenuFile
    {
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? TabAliasId { get; set; }
        public string ChatBarText { get; set; } = "";
        public bool OpenedAtFirst { get; set; }
        public string Image { get; set; } = "";
        public List<AreaFile> Areas { get; set; } = [];

        public RichMenuDraft ToDraft() => new(
            Name,
            ChatBarText,
            Enum.Parse<RichMenuRole>(Role, ignoreCase: true),
            TabAliasId,
            OpenedAtFirst,
            Areas.Select(a => new RichMenuArea(
                new RichMenuBounds(a.X, a.Y, a.Width, a.Height),
                new RichMenuAction(Enum.Parse<RichMenuActionKind>(a.Action, ignoreCase: true), a.Value, a.Label))).ToList());
    }

    private sealed class AreaFile
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
