using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Reports;

/// <summary>
/// Issue #8 in a browser: a resident reports road damage in LINE with a photo and the place, a member of staff
/// finds the case in the portal's inbox and closes it, and the resident is told in the same chat.
/// </summary>
public sealed class ReportToClosureTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    static ReportToClosureTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_resident_reports_road_damage_with_photo_and_place_staff_close_the_case_and_the_resident_is_told()
    {
        await bed.StartAsync();
        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        var quickReplies = phone.GetByRole(AriaRole.Group, new() { Name = "クイックリプライ" });
        await SimulatedPhone.CreateResidentAsync(phone, "柏木 通報");
        await SimulatedPhone.FollowAsync(phone);

        await SimulatedPhone.SendTextAsync(phone, "通報");
        await quickReplies.GetByRole(AriaRole.Button, new() { Name = "道路の損傷" }).ClickAsync();
        await Expect(talk.Locator(".item").Last).ToContainTextAsync("写真を 1 枚送ってください");
        var chooser = await simulator.RunAndWaitForFileChooserAsync(() => quickReplies.GetByRole(AriaRole.Button, new() { Name = "カメラ" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "pothole.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Expect(talk.Locator(".item").Last).ToContainTextAsync("場所を送ってください");
        await quickReplies.GetByRole(AriaRole.Button, new() { Name = "位置情報を送る" }).ClickAsync();
        var location = phone.GetByRole(AriaRole.Form, new() { Name = "位置情報を送る" });
        await location.GetByLabel("名称").FillAsync("市道の穴");
        await location.GetByLabel("住所").FillAsync("青森県平川市柏木町藤山");
        await location.GetByRole(AriaRole.Button, new() { Name = "送信", Exact = true }).ClickAsync();
        await Expect(talk.Locator(".item").Last).ToContainTextAsync("伝えたいことがあれば");
        await SimulatedPhone.SendTextAsync(phone, "直径 30 cm ほどの穴があります");
        await Expect(talk.Locator(".flex-bubble").Last).ToContainTextAsync("この内容で通報します");
        await talk.Locator(".flex-bubble").Last.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        var receipt = talk.Locator(".item").Filter(new() { HasTextRegex = new Regex("受付番号は R-\\d{4}-\\d{6} です") });
        await Expect(receipt).ToHaveCountAsync(1);
        var receiptNumber = Regex.Match(await receipt.InnerTextAsync(), "R-\\d{4}-\\d{6}").Value;
        Assert.Empty(await simulator.Locator(".delivery.failed").AllAsync());

        var staff = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, displayName: "土木 担当"));
        await staff.GotoAsync("/portal/hirakawa/reports");
        await staff.GetByRole(AriaRole.Link, new() { Name = receiptNumber }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(receiptNumber);
        await staff.WaitForFunctionAsync("() => document.querySelector('img.report-photo')?.naturalWidth > 0"); // The photo loaded, not a broken image.
        await Expect(staff.GetByText("直径 30 cm ほどの穴があります")).ToBeVisibleAsync();
        await staff.WaitForFunctionAsync("() => [...document.querySelectorAll('form.report-change')].some(e => Object.keys(e).some(k => k.startsWith('_blazorEvents_')))");
        await staff.GetByRole(AriaRole.Radio, new() { Name = "完了" }).CheckAsync();
        await staff.GetByLabel("内部メモ（任意、2,000 文字まで）").First.FillAsync("舗装を補修済み");
        await staff.GetByRole(AriaRole.Button, new() { Name = "状況を変更して住民に知らせる" }).ClickAsync();
        await Expect(staff.Locator(".form-success")).ToContainTextAsync("状況を「完了」にしました");

        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"通報（受付番号 {receiptNumber}）の対応が完了しました。");
        await Expect(talk).Not.ToContainTextAsync("舗装を補修済み");
    }

    /// <summary>A 640×480 JPEG, as a phone's camera would send.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x55, 0x55, 0x55));
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawCircle(320, 240, 90, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
