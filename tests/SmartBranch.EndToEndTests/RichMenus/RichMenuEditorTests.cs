using Microsoft.Playwright;
using SkiaSharp;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.RichMenus;

/// <summary>Issue #10 in a browser: a member of staff builds a rich menu on an image of their own and finds it in the list.</summary>
public sealed class RichMenuEditorTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    [Fact]
    public async Task Staff_upload_an_image_pick_a_template_set_the_actions_save_and_see_the_menu_in_the_list()
    {
        await bed.StartAsync();
        var name = $"ごみと防災 {Guid.NewGuid():N}"[..14];
        var staff = await bed.SignInAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Staff], displayName: "メニュー 担当"));
        await StaffTestBed.OpenInteractiveAsync(staff, "/portal/hirakawa/richmenus/new", "form.richmenu-form");

        await staff.GetByLabel("メニューの画像").SetInputFilesAsync(new FilePayload { Name = "menu.png", MimeType = "image/png", Buffer = Png(2500, 843) });
        await Expect(staff.Locator("#richmenu-image-size")).ToContainTextAsync("2500×843");
        await staff.GetByRole(AriaRole.Button, new() { Name = "小・2 分割" }).ClickAsync();
        await Expect(staff.Locator("fieldset.richmenu-area")).ToHaveCountAsync(2);
        await staff.Locator("#richmenu-area-1-value").FillAsync("https://www.city.hirakawa.lg.jp/");
        await staff.Locator("#richmenu-area-2-kind").SelectOptionAsync(new SelectOptionValue { Label = "メッセージを送る" });
        await staff.Locator("#richmenu-area-2-value").FillAsync("ごみの日");
        await staff.GetByLabel("メニュー名").FillAsync(name);
        await staff.GetByLabel("メニューバーの文字").FillAsync("くらしの情報");
        await Expect(staff.Locator(".line-richmenu-bar-text")).ToHaveTextAsync("くらしの情報");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await staff.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal/hirakawa/richmenus");
        var row = staff.Locator(".richmenu-table tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("2500×843");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("2");
        await Expect(row.Locator("img.richmenu-thumbnail")).ToHaveJSPropertyAsync("naturalWidth", 2500);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Teal);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
