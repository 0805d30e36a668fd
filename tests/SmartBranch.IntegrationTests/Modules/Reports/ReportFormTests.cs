using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>A resident reports on the LIFF form instead of the chat, through the real server with the emulator as LINE.</summary>
public abstract class ReportFormTests(ReportsBed fixture)
{
    private static readonly string FormPath = ReportScenario.Channel.ResidentPath("reports/new");

    [Fact]
    public async Task A_resident_files_through_the_form_the_case_reaches_the_inbox_with_photo_place_and_time_and_the_receipt_is_pushed()
    {
        var bed = await fixture.GetAsync();
        var resident = await new ReportScenario(bed).FriendAsync();
        using var browser = new Browser(bed.App.Address);

        var form = await OpenAsync(bed, browser, resident);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(["道路の損傷", "街灯", "公園・遊具", "河川・水路", "不法投棄", "動物の死骸", "その他"],
            form.Document.QuerySelectorAll("#report-category label").Select(l => l.TextContent));
        var camera = form.Document.QuerySelector<IHtmlInputElement>("#photo-camera")!;
        Assert.Equal(("image/*", "environment"), (camera.GetAttribute("accept"), camera.GetAttribute("capture")));
        Assert.Equal("multipart/form-data", form.Document.Forms[0]!.GetAttribute("enctype"));
        Assert.Contains("住所や目印の文字だけでは", form.Document.QuerySelector("#report-place-fallback")!.TextContent, StringComparison.Ordinal);

        var confirmation = await PostAsync(browser, form, ReportScenario.Photo(), Fields("road", "40.5841", "140.5668", "歩道に直径30cmほどの穴があります"));
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Equal(["道路の損傷", "緯度 40.58410、経度 140.56680", "歩道に直径30cmほどの穴があります"],
            confirmation.Document.QuerySelectorAll("dd").Where(d => d.QuerySelector("img") is null).Select(d => d.TextContent).Take(3));
        var preview = confirmation.Document.QuerySelector<IHtmlImageElement>("img.report-photo")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(preview)).StatusCode);

        var inboxBefore = (await bed.InboxAsync(resident)).Count;
        var received = await PostAsync(browser, confirmation, null, ("step", "submit"));
        Assert.Equal(HttpStatusCode.OK, received.Status);
        var receiptNumber = ReceiptNumberOf(received);

        var report = await new ReportScenario(bed).CaseAsync(receiptNumber);
        Assert.Equal(("road", ReportStatus.Received, resident, "歩道に直径30cmほどの穴があります"), (report.CategoryKey, report.Status, report.ReporterLineUserId, report.Comment));
        Assert.Equal((40.5841, 140.5668), (report.Latitude, report.Longitude));
        Assert.True((DateTimeOffset.UtcNow - report.ReportedAt).Duration() < TimeSpan.FromMinutes(5));
        var opened = await new ReportScenario(bed).AsAsync(ReportScenario.RoadStaff, async s =>
        {
            var listed = await s.GetRequiredService<ReportInbox>().SearchAsync(new ReportInboxFilter(ReportStatus.Received, "road"), 1, CancellationToken.None);
            Assert.Contains(listed.Cases, c => c.ReceiptNumber == receiptNumber);
            return await s.GetRequiredService<ReportCaseDesk>().OpenAsync(report.Id, CancellationToken.None);
        });
        Assert.True(opened.HasPhoto);
        Assert.Equal((40.5841, 140.5668), (opened.Latitude, opened.Longitude));
        Assert.Equal(report.ReportedAt, opened.ReportedAt);
        Assert.True(await new ReportScenario(bed).PhotoStoredAsync(report.PhotoId!));

        var pushed = await new ReportScenario(bed).MessageAfterAsync(resident, inboxBefore);
        Assert.StartsWith($"通報を受け付けました。受付番号は {receiptNumber} です。", ReportScenario.Text(pushed), StringComparison.Ordinal);
        Assert.DoesNotContain("穴", ReportScenario.Text(pushed), StringComparison.Ordinal);
        Assert.Contains("/reports/map", ReportScenario.Text(pushed), StringComparison.Ordinal); // As the chat's receipt: Hirakawa publishes its map.
    }

    [Fact]
    public async Task Sending_the_confirmation_twice_files_one_case_and_answers_both_with_the_same_receipt()
    {
        var bed = await fixture.GetAsync();
        var resident = await new ReportScenario(bed).FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var confirmation = await PostAsync(browser, await OpenAsync(bed, browser, resident), ReportScenario.Photo(), Fields("streetlight", "40.5700", "140.5700", ""));

        var first = await PostAsync(browser, confirmation, null, ("step", "submit"));
        var second = await PostAsync(browser, confirmation, null, ("step", "submit"));

        Assert.Equal(ReceiptNumberOf(first), ReceiptNumberOf(second));
        Assert.Equal(1, await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.Set<ReportCase>().CountAsync(c => c.ReporterLineUserId == resident)));
        await bed.WaitUntilIdleAsync();
        Assert.Single(await bed.InboxAsync(resident), m => ReportScenario.Text(m["message"]!.AsObject()).Contains(ReceiptNumberOf(first), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_place_outside_the_city_is_refused_clearly_and_everything_entered_and_the_photo_are_kept()
    {
        var bed = await fixture.GetAsync();
        var resident = await new ReportScenario(bed).FriendAsync();
        using var browser = new Browser(bed.App.Address);

        var refused = await PostAsync(browser, await OpenAsync(bed, browser, resident), ReportScenario.Photo(), Fields("park", "40.6031", "140.4640", "遊具が壊れています"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.StartsWith("入力内容を確かめてください。", refused.Document.Title, StringComparison.Ordinal);
        var error = refused.Document.QuerySelector("#report-place-error")!.TextContent;
        Assert.Contains("平川市の外", error, StringComparison.Ordinal);
        Assert.Contains("report-place-error", refused.Document.QuerySelector("#latitude")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("true", refused.Document.QuerySelector("#latitude")!.GetAttribute("aria-invalid"));
        Assert.True(refused.Document.QuerySelector<IHtmlInputElement>("#category-park")!.IsChecked);
        Assert.Equal(("40.6031", "140.4640"), (Value(refused, "#latitude"), Value(refused, "#longitude")));
        Assert.Equal("遊具が壊れています", refused.Document.QuerySelector("#comment")!.TextContent);
        Assert.NotNull(refused.Document.QuerySelector(".report-photo-kept img"));

        // The photo kept: moving the pin into the city is all it takes.
        var confirmation = await PostAsync(browser, refused, null, Fields("park", "40.5841", "140.5668", "遊具が壊れています"));
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Equal("入力内容の確認", confirmation.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.Set<ReportCase>().CountAsync(c => c.ReporterLineUserId == resident)));
    }

    [Fact]
    public async Task A_file_that_is_no_photo_or_too_large_is_refused_in_Japanese_and_the_rest_of_the_form_is_kept()
    {
        var bed = await fixture.GetAsync();
        var resident = await new ReportScenario(bed).FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var form = await OpenAsync(bed, browser, resident);

        var gif = await PostAsync(browser, form, "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), Fields("dumping", "40.5841", "140.5668", "粗大ごみ"));
        Assert.Equal(HttpStatusCode.BadRequest, gif.Status);
        Assert.StartsWith("JPEG または PNG の画像を選んでください。", gif.Document.QuerySelector("#report-photo-error")!.TextContent, StringComparison.Ordinal);
        Assert.True(gif.Document.QuerySelector<IHtmlInputElement>("#category-dumping")!.IsChecked);
        Assert.Equal(("40.5841", "140.5668"), (Value(gif, "#latitude"), Value(gif, "#longitude")));
        Assert.Equal("粗大ごみ", gif.Document.QuerySelector("#comment")!.TextContent);

        byte[] oversize = [0xFF, 0xD8, 0xFF, .. new byte[ImageReencoder.MaxUploadBytes]];
        var large = await PostAsync(browser, gif, oversize, Fields("dumping", "40.5841", "140.5668", "粗大ごみ"));
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains("大きすぎます", large.Document.QuerySelector("#report-photo-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("粗大ごみ", large.Document.QuerySelector("#comment")!.TextContent);

        var withoutPlace = await PostAsync(browser, large, ReportScenario.Photo(), Fields("dumping", "", "", "平川市役所の裏"));
        Assert.Contains("住所や目印の文字だけでは受け付けられません", withoutPlace.Document.QuerySelector("#report-place-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(withoutPlace.Document.QuerySelector(".report-photo-kept img"));
        Assert.Equal(0, await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.Set<ReportCase>().CountAsync(c => c.ReporterLineUserId == resident)));
    }

    [Fact]
    public async Task A_LINE_user_who_is_not_a_friend_or_has_blocked_the_account_is_refused_clearly()
    {
        var bed = await fixture.GetAsync();
        var stranger = await bed.CreateLineUserAsync();
        var blocker = await new ReportScenario(bed).FriendAsync();
        await bed.SimulateAsync(ReportScenario.Channel, blocker, new JsonObject { ["type"] = "unfollow" });
        await bed.WaitUntilIdleAsync();

        foreach (var userId in new[] { stranger, blocker })
        {
            using var browser = new Browser(bed.App.Address);
            var page = await OpenAsync(bed, browser, userId);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("友だち追加してから送れます", page.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_chats_first_message_offers_the_form_through_its_LIFF_URL()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();

        var categories = await scenario.SendTextAsync(resident, "通報");

        var form = categories["quickReply"]!["items"]!.AsArray().Select(i => i!["action"]!.AsObject()).Single(a => a["type"]!.GetValue<string>() == "uri");
        Assert.Equal(("フォームで通報", $"https://liff.line.me/{ReportScenario.Channel.LiffId}/reports/new"),
            (form["label"]!.GetValue<string>(), form["uri"]!.GetValue<string>()));
        Assert.Contains("フォームからも通報できます", ReportScenario.Text(categories), StringComparison.Ordinal);
    }

    private static (string, string)[] Fields(string category, string latitude, string longitude, string comment) =>
        [("category", category), ("latitude", latitude), ("longitude", longitude), ("comment", comment), ("step", "confirm")];

    private static async Task<BrowserPage> OpenAsync(LineTestBed bed, Browser browser, string userId)
    {
        var signIn = await browser.GetAsync(FormPath);
        return await browser.SubmitAsync(signIn, new Dictionary<string, string>
        {
            [ResidentSignIn.TokenField] = await bed.IssueIdTokenAsync(userId, ReportScenario.Channel.ChannelId),
        });
    }

    /// <summary>Posts the page's first form as a phone does (multipart): its hidden fields, <paramref name="fields"/> and a photo.</summary>
    private static Task<BrowserPage> PostAsync(Browser browser, BrowserPage page, byte[]? photo, params (string Name, string Value)[] fields) =>
        browser.PostMultipartAsync(page, fields, photo is null ? [] : [("photo", photo)]);

    private static string ReceiptNumberOf(BrowserPage page) =>
        System.Text.RegularExpressions.Regex.Match(page.Document.QuerySelector("#report-receipt")!.TextContent, @"R-\d{4}-\d{6}").Value;

    private static string Value(BrowserPage page, string selector) => page.Document.QuerySelector<IHtmlInputElement>(selector)!.Value;
}

public sealed class SqliteReportFormTests(SqliteReportsBed fixture) : ReportFormTests(fixture), IClassFixture<SqliteReportsBed>;

public sealed class PostgresReportFormTests(PostgresReportsBed fixture) : ReportFormTests(fixture), IClassFixture<PostgresReportsBed>;
