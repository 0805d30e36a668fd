using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Infrastructure;

/// <summary>What a resident does on a phone of the simulator before the test's own steps: become a resident and follow the account.</summary>
internal static partial class SimulatedPhone
{
    /// <returns>The new resident's LINE user id.</returns>
    public static async Task<string> CreateResidentAsync(ILocator phone, string displayName)
    {
        await phone.GetByLabel("表示名").FillAsync(displayName);
        await phone.GetByRole(AriaRole.Button, new() { Name = "住民を作成" }).ClickAsync();
        var resident = phone.GetByLabel("住民");
        await Expect(resident).ToHaveValueAsync(UserId());
        return await resident.InputValueAsync();
    }

    /// <summary>Follows the account and waits until the emulator counts the resident as a friend: pushes to anyone else are dropped.</summary>
    public static async Task FollowAsync(ILocator phone)
    {
        await phone.GetByRole(AriaRole.Button, new() { Name = "友だち追加" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "ブロック" })).ToBeVisibleAsync();
    }

    public static async Task SendTextAsync(ILocator phone, string text)
    {
        await phone.GetByLabel("メッセージ").FillAsync(text);
        await phone.Locator("form.composer button[type=submit]").ClickAsync();
    }

    [GeneratedRegex("^U[0-9a-f]{32}$")]
    private static partial Regex UserId();
}
