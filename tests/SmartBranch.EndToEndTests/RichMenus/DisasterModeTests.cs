using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.RichMenus;

/// <summary>
/// Issue #10 in a browser: a resident sees Hirakawa's default menu in the simulator and switches tabs; staff turn
/// disaster mode on in the portal and the resident sees the disaster menu (though the tab they chose was linked to
/// them alone), then off and the default menu comes back.
/// </summary>
public sealed class DisasterModeTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    [Fact]
    public async Task A_resident_who_switched_tabs_sees_the_disaster_menu_while_disaster_mode_is_on_and_the_default_menu_after()
    {
        await bed.StartAsync();
        var admin = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(
            bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, displayName: "防災 担当"));
        await StaffTestBed.OpenInteractiveAsync(admin, "/portal/hirakawa/richmenus/publishing", "button");
        foreach (var menu in new[] { "標準（手続き）", "標準（くらし）", "防災モード" })
        {
            await PublishAsync(admin, menu);
        }

        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        await SimulatedPhone.CreateResidentAsync(phone, "平川 防災");
        await SimulatedPhone.FollowAsync(phone);
        await Expect(Area(phone, "ごみの日")).ToBeVisibleAsync();
        await Area(phone, "手続き").ClickAsync();
        await Expect(Area(phone, "オンライン申請")).ToBeVisibleAsync();

        await SwitchDisasterModeAsync(admin, switchedTo: "防災モードを終了する");
        await Expect(Area(phone, "避難所")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Area(phone, "ハザードマップ")).ToBeVisibleAsync();
        await Expect(Area(phone, "オンライン申請")).ToBeHiddenAsync();

        await SwitchDisasterModeAsync(admin, switchedTo: "防災モードを開始する");
        await Expect(Area(phone, "ごみの日")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Area(phone, "避難所")).ToBeHiddenAsync();
    }

    private static ILocator Area(ILocator phone, string label) => phone.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    private static async Task PublishAsync(IPage admin, string menu)
    {
        var row = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Cell, new() { Name = menu, Exact = true }) });
        await row.Locator(".publish-button").ClickAsync();
        await row.Locator(".publish-confirm").ClickAsync();
        await Expect(row.Locator(".publish-status")).ToHaveTextAsync("公開中");
    }

    /// <param name="switchedTo">The switch's label once the portal shows the new state.</param>
    private static async Task SwitchDisasterModeAsync(IPage admin, string switchedTo)
    {
        await admin.Locator("#disaster-switch").ClickAsync();
        await admin.Locator("#disaster-confirm").ClickAsync();
        await Expect(admin.Locator("#disaster-switch")).ToHaveTextAsync(switchedTo);
    }
}
