using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Applications;

/// <summary>
/// Issue #9 in a browser: a resident opens オンライン申請 from the rich menu, applies for 住民票の写し, signs with the
/// sandbox My Number card and pays on the sandbox checkout, and gets the receipt number in the chat; staff find the
/// application in the portal's queue, see the card's 基本4情報 beside what was entered, review it and mark it 発送済,
/// and the resident is told of each step in the same chat, with nothing personal in it.
/// </summary>
public sealed partial class ApplicationToShipmentTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    private const string Resident = "平川 申請";
    private const string PostalCode = "036-0104";
    private const string Address = "青森県平川市柏木町藤山２５番地６";
    private const string Phone = "0172-44-1111";

    static ApplicationToShipmentTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_resident_applies_signs_and_pays_in_LINE_and_is_told_as_staff_review_and_ship_the_certificate()
    {
        await bed.StartAsync();
        var staff = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, displayName: "市民課 担当"));
        await PublishProceduresMenuAsync(staff);

        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        var liff = phone.FrameLocator("iframe");
        await SimulatedPhone.CreateResidentAsync(phone, Resident);
        await ApplyAndSignAsync(phone, Resident);
        var certifiedName = await liff.Locator("dt:text-is('氏名') + dd").InnerTextAsync();
        await liff.GetByRole(AriaRole.Button, new() { Name = "署名する", Exact = true }).ClickAsync();

        await Expect(liff.GetByRole(AriaRole.Heading, new() { Name = "お支払い" })).ToBeVisibleAsync();
        await liff.GetByRole(AriaRole.Button, new() { Name = "支払う（710円）" }).ClickAsync();
        await liff.GetByLabel("テスト用カード番号").FillAsync("4242 4242 4242 4242");
        await liff.GetByRole(AriaRole.Button, new() { Name = "710円を支払う（テスト）" }).ClickAsync();

        await Expect(liff.GetByRole(AriaRole.Heading, new() { Name = "申請を受け付けました" })).ToBeVisibleAsync();
        var receiptNumber = ReceiptNumber().Match(await liff.Locator("body").InnerTextAsync()).Value;
        Assert.NotEmpty(receiptNumber);
        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"住民票の写しの申請を受け付けました。受付番号は {receiptNumber} です。");

        await staff.GotoAsync("/portal/hirakawa/applications");
        await staff.GetByRole(AriaRole.Link, new() { Name = receiptNumber }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(receiptNumber);
        await Expect(staff.Locator("#application-name-row")).ToContainTextAsync(certifiedName);
        await Expect(staff.Locator("#application-name-row")).ToContainTextAsync("平川 太郎");
        await Expect(staff.Locator("#application-address-row")).ToContainTextAsync(Address);
        await staff.WaitForFunctionAsync("() => Object.keys(document.querySelector('#application-start-review') ?? {}).some(k => k.startsWith('_blazorEvents_'))");
        await staff.Locator("#application-start-review").ClickAsync();
        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"申請（受付番号 {receiptNumber}）の審査を始めました。");
        await staff.Locator("#application-ship").ClickAsync();
        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"申請（受付番号 {receiptNumber}）の証明書を郵送しました。");

        foreach (var personal in new[] { certifiedName, "平川 太郎", Address, PostalCode, Phone, "就職・転職" })
        {
            await Expect(talk).Not.ToContainTextAsync(personal);
        }

        Assert.Empty(await simulator.Locator(".delivery.failed").AllAsync());
    }

    /// <summary>
    /// Follows the account, opens オンライン申請 from the menu's 手続き tab, applies for two copies of 住民票の写し, checks the
    /// itemised amount, holds <paramref name="resident"/>'s test card to the phone and types the test password on the sandbox card page, ready to press 署名する.
    /// </summary>
    private static async Task ApplyAndSignAsync(ILocator phone, string resident)
    {
        var liff = phone.FrameLocator("iframe");
        await SimulatedPhone.FollowAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "手続き", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "オンライン申請", Exact = true }).ClickAsync();

        await Expect(liff.GetByRole(AriaRole.Heading, new() { Name = "オンライン申請" })).ToBeVisibleAsync();
        await liff.GetByRole(AriaRole.Button, new() { Name = "住民票の写し" }).ClickAsync();
        await Expect(liff.GetByRole(AriaRole.Heading, new() { Name = "住民票の写し" })).ToBeVisibleAsync();
        await liff.GetByRole(AriaRole.Radio, new() { Name = "就職・転職" }).CheckAsync();
        await liff.GetByLabel("通数").FillAsync("2");
        await liff.GetByLabel("証明書に載せる方").FillAsync("平川 太郎");
        await liff.GetByLabel("お名前").FillAsync("平川 太郎");
        await liff.GetByLabel("郵便番号").FillAsync(PostalCode);
        await liff.GetByLabel("住所（番地・部屋番号まで）").FillAsync(Address);
        await liff.GetByLabel("電話番号").FillAsync(Phone);
        await liff.GetByRole(AriaRole.Radio, new() { Name = "普通郵便（110円）" }).CheckAsync();
        await liff.GetByRole(AriaRole.Button, new() { Name = "確認へ進む" }).ClickAsync();

        await Expect(liff.GetByRole(AriaRole.Heading, new() { Name = "申請内容の確認" })).ToBeVisibleAsync();
        await Expect(liff.Locator("body")).ToContainTextAsync("発行手数料 300円 × 2通");
        await Expect(liff.Locator("body")).ToContainTextAsync("710円");
        await liff.GetByRole(AriaRole.Button, new() { Name = "マイナンバーカードで署名する" }).ClickAsync();

        await liff.GetByRole(AriaRole.Link, new() { Name = $"{resident} さんのカード" }).ClickAsync();
        await liff.GetByLabel("署名用パスワード（6〜16桁の英数字）").FillAsync("SANDBOX1");
    }

    /// <summary>Publishes Hirakawa's default menus, whose 手続き tab links to the applications page.</summary>
    private static async Task PublishProceduresMenuAsync(IPage admin)
    {
        await StaffTestBed.OpenInteractiveAsync(admin, "/portal/hirakawa/richmenus/publishing", "button");
        foreach (var menu in new[] { "標準（手続き）", "標準（くらし）" })
        {
            var row = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Cell, new() { Name = menu, Exact = true }) });
            await row.Locator(".publish-button").ClickAsync();
            await row.Locator(".publish-confirm").ClickAsync();
            await Expect(row.Locator(".publish-status")).ToHaveTextAsync("公開中");
        }
    }

    [GeneratedRegex("A-\\d{4}-\\d{6}")]
    private static partial Regex ReceiptNumber();
}
