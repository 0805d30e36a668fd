using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.ImportFiles;
using SmartBranch.Modules.RichMenus.Images;

namespace SmartBranch.UnitTests.Modules.RichMenus;

/// <summary>Hirakawa's rich menus in <c>tenants/hirakawa/richmenus/</c>, as the server imports them, keep to LINE's rules, images included.</summary>
public sealed class HirakawaRichMenuFilesTests
{
    private static IReadOnlyList<RichMenuFileEntry> Menus() => RichMenuFiles.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

    [Fact]
    public void There_is_one_default_menu_with_its_tabs_and_one_disaster_menu()
    {
        var roles = Menus().Select(m => m.Draft.Role).ToList();

        Assert.Single(roles, r => r == RichMenuRole.Default);
        Assert.Single(roles, r => r == RichMenuRole.Disaster);
        Assert.Contains(RichMenuRole.Tab, roles);
    }

    [Fact]
    public void Every_menu_and_its_image_keep_to_LINEs_rules()
    {
        foreach (var menu in Menus())
        {
            var inspection = RichMenuImages.Inspect(File.ReadAllBytes(menu.ImagePath));
            var problems = RichMenuRules.Check(menu.Draft, inspection.Width, inspection.Height);

            Assert.True(inspection.IsAcceptable, $"{menu.ImagePath}: {string.Join(" ", inspection.Problems)}");
            Assert.True(problems.Count == 0, $"{menu.Draft.Name}: {string.Join(" ", problems.Select(p => p.Message))}");
        }
    }

    [Fact]
    public void Every_tab_switch_names_a_tab_of_the_file()
    {
        var menus = Menus();
        var aliases = menus.Where(m => m.Draft.TabAliasId is not null).Select(m => m.Draft.TabAliasId).ToHashSet();

        var switches = menus.SelectMany(m => m.Draft.Areas).Where(a => a.Action.Kind == RichMenuActionKind.SwitchTab).Select(a => a.Action.Value).ToList();

        Assert.NotEmpty(switches);
        Assert.All(switches, alias => Assert.Contains(alias, aliases));
    }
}
