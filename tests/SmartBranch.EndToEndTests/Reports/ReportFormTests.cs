using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;
using SmartBranch.EndToEndTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Reports;

/// <summary>
/// The report form in the simulator's LIFF view: a resident starts 通報 in the chat, takes the form instead, chooses
/// the place through the page's accessible fields rather than the map, and gets the receipt on the page and in the chat.
/// </summary>
public sealed class ReportFormTests(SimulatorTestBed bed) : IClassFixture<SimulatorTestBed>
{
    static ReportFormTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_resident_reports_through_the_LIFF_form_offered_by_the_chat_and_gets_the_receipt_on_the_page_and_in_the_chat()
    {
        await bed.StartAsync();
        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        await SimulatedPhone.CreateResidentAsync(phone, "尾上 通報");
        await SimulatedPhone.FollowAsync(phone);

        await SimulatedPhone.SendTextAsync(phone, "通報");
        await phone.GetByRole(AriaRole.Group, new() { Name = "クイックリプライ" }).GetByRole(AriaRole.Button, new() { Name = "フォームで通報" }).ClickAsync();
        var form = phone.FrameLocator("iframe");
        await Expect(form.GetByRole(AriaRole.Heading, new() { Name = "通報フォーム" })).ToBeVisibleAsync();
        await Expect(form.GetByRole(AriaRole.Region, new() { Name = "場所を選ぶ地図" })).ToBeVisibleAsync();

        await form.GetByLabel("街灯", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("撮った写真から選ぶ").SetInputFilesAsync(new FilePayload { Name = "light.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await form.GetByLabel("緯度", new() { Exact = true }).FillAsync("40.5841");
        await form.GetByLabel("経度", new() { Exact = true }).FillAsync("140.5668");
        await form.GetByLabel("4. コメント").FillAsync("夜になっても点きません");
        await form.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).ClickAsync();

        await Expect(form.GetByRole(AriaRole.Heading, new() { Name = "入力内容の確認" })).ToBeVisibleAsync();
        await Expect(form.GetByRole(AriaRole.Img, new() { Name = "送る写真" })).ToBeVisibleAsync();
        await Expect(form.Locator(".report-facts")).ToContainTextAsync("緯度 40.58410、経度 140.56680");
        await form.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();

        var receipt = form.GetByRole(AriaRole.Status);
        await Expect(receipt).ToHaveTextAsync(new Regex("^受付番号は R-\\d{4}-\\d{6} です。$"));
        var receiptNumber = Regex.Match(await receipt.InnerTextAsync(), "R-\\d{4}-\\d{6}").Value;
        await phone.GetByRole(AriaRole.Button, new() { Name = "閉じる" }).ClickAsync();
        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"通報を受け付けました。受付番号は {receiptNumber} です。");
        await Expect(talk).Not.ToContainTextAsync("夜になっても点きません");
        Assert.Empty(bed.ScriptErrors);
    }

    /// <summary>A 640×480 JPEG, as a phone's camera would save.</summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x22, 0x22, 0x44));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
