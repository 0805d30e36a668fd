using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>A resident reports in the LINE chat: category, photo, place inside the city, comment, confirmation, receipt.</summary>
public abstract partial class ReportChatTests(ReportsBed fixture)
{
    [Fact]
    public async Task A_resident_reports_road_damage_step_by_step_and_gets_a_receipt_number_and_the_department_an_email()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();

        var categories = await scenario.SendTextAsync(resident, " 通報 ");
        Assert.Equal(["道路の損傷", "街灯", "公園・遊具", "河川・水路", "不法投棄", "動物の死骸", "その他", "フォームで通報", "やめる"], ReportScenario.QuickReplyLabels(categories));

        var askPhoto = await scenario.TapAsync(resident, "reports:category:road");
        Assert.StartsWith("「道路の損傷」ですね。", ReportScenario.Text(askPhoto), StringComparison.Ordinal);
        Assert.Equal(["camera", "cameraRoll", "message"], ReportScenario.QuickReplyTypes(askPhoto));

        var askPlace = await scenario.SendPhotoAsync(resident);
        Assert.Equal(["location", "message"], ReportScenario.QuickReplyTypes(askPlace));

        var outside = await scenario.SendLocationAsync(resident, 40.6031, 140.4640, "青森県弘前市上白銀町1-1");
        Assert.Contains("平川市の外", ReportScenario.Text(outside), StringComparison.Ordinal);
        Assert.Equal(["location", "message"], ReportScenario.QuickReplyTypes(outside));

        var askComment = await scenario.SendLocationAsync(resident, ReportScenario.CityHallLatitude, ReportScenario.CityHallLongitude, "青森県平川市柏木町藤山25-6");
        Assert.Equal(["スキップ", "やめる"], ReportScenario.QuickReplyLabels(askComment));

        var confirmation = await scenario.SendTextAsync(resident, "歩道に直径30cmほどの穴があります");
        Assert.Equal("flex", confirmation["type"]!.GetValue<string>());
        var shown = ReportScenario.Json(confirmation["contents"]!);
        Assert.Contains("青森県平川市柏木町藤山25-6", shown, StringComparison.Ordinal);
        Assert.Contains("歩道に直径30cmほどの穴があります", shown, StringComparison.Ordinal);
        Assert.Contains("reports:submit", shown, StringComparison.Ordinal);

        var receipt = ReportScenario.Text(await scenario.TapAsync(resident, "reports:submit"));
        var number = ReceiptNumber().Match(receipt).Value;
        Assert.Matches($"^R-{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year}-\\d{{6}}$", number);

        var report = await scenario.CaseAsync(number);
        Assert.Equal(
            ("road", "doboku", ReportStatus.Received, "青森県平川市柏木町藤山25-6", "歩道に直径30cmほどの穴があります", resident),
            (report.CategoryKey, report.DepartmentKey, report.Status, report.Address, report.Comment, report.ReporterLineUserId));
        Assert.Equal((ReportScenario.CityHallLatitude, ReportScenario.CityHallLongitude), (report.Latitude, report.Longitude));
        Assert.Null(await scenario.ConversationAsync(resident));

        Assert.True(await scenario.PhotoStoredAsync(report.PhotoId!));

        var mail = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Emails.Sent.LastOrDefault(m => m.Subject.Contains(number, StringComparison.Ordinal))),
            m => m is not null,
            "the department's e-mail")!;
        Assert.Equal("doboku@city.hirakawa.example", mail!.To);
        Assert.Contains("道路の損傷", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("穴", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("柏木町", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yameru_cancels_at_any_step_and_buttons_of_a_cancelled_or_lapsed_report_are_answered_clearly()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();

        await scenario.SendTextAsync(resident, "通報");
        await scenario.TapAsync(resident, "reports:category:streetlight");
        var cancelled = await scenario.SendTextAsync(resident, "やめる");
        Assert.Equal("通報を取りやめました。もう一度通報するときは「通報」と送ってください。", ReportScenario.Text(cancelled));
        Assert.Null(await scenario.ConversationAsync(resident));

        var stale = await scenario.TapAsync(resident, "reports:category:road");
        Assert.Contains("もう一度「通報」から始めてください", ReportScenario.Text(stale), StringComparison.Ordinal);

        await scenario.SendTextAsync(resident, "通報");
        await scenario.TapAsync(resident, "reports:category:road");
        await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.Set<ReportConversation>()
            .Where(c => c.LineUserId == resident)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var lapsed = await scenario.SendPhotoAsync(resident);
        Assert.Contains("時間が経ったため", ReportScenario.Text(lapsed), StringComparison.Ordinal);
        Assert.Null(await scenario.ConversationAsync(resident));
        Assert.Equal(0, await bed.InTenantAsync(ReportScenario.Channel, (db, _) => db.Set<ReportCase>().CountAsync(c => c.ReporterLineUserId == resident)));
    }

    [Fact]
    public async Task A_wrong_answer_at_a_step_is_met_with_a_hint_and_the_same_buttons_and_a_file_that_is_no_photo_is_refused()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var resident = await scenario.FriendAsync();

        await scenario.SendTextAsync(resident, "通報");
        var notACategory = await scenario.SendTextAsync(resident, "道路");
        Assert.StartsWith("通報の種類を、下のボタンから選んでください。", ReportScenario.Text(notACategory), StringComparison.Ordinal);

        var byName = await scenario.SendTextAsync(resident, "不法投棄");
        Assert.StartsWith("「不法投棄」ですね。", ReportScenario.Text(byName), StringComparison.Ordinal);

        var textForPhoto = await scenario.SendTextAsync(resident, "写真はありません");
        Assert.StartsWith("写真を送ってください。", ReportScenario.Text(textForPhoto), StringComparison.Ordinal);
        Assert.Equal(["camera", "cameraRoll", "message"], ReportScenario.QuickReplyTypes(textForPhoto));

        var gif = await scenario.SendPhotoAsync(resident, "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), "image/gif");
        Assert.StartsWith("JPEG または PNG の画像を選んでください。", ReportScenario.Text(gif), StringComparison.Ordinal);
        Assert.Equal(ReportConversationStep.Photo, (await scenario.ConversationAsync(resident))!.Step);

        await scenario.SendPhotoAsync(resident);
        var addressAsText = await scenario.SendTextAsync(resident, "平川市柏木町");
        Assert.StartsWith("位置情報を送ってください", ReportScenario.Text(addressAsText), StringComparison.Ordinal);

        await scenario.SendLocationAsync(resident, ReportScenario.CityHallLatitude, ReportScenario.CityHallLongitude);
        var tooLong = await scenario.SendTextAsync(resident, new string('あ', ReportCase.MaxCommentLength + 1));
        Assert.StartsWith("コメントは 500 文字まで", ReportScenario.Text(tooLong), StringComparison.Ordinal);

        var confirmation = await scenario.SendTextAsync(resident, "スキップ");
        Assert.Contains("緯度 40.58410、経度 140.56680", ReportScenario.Json(confirmation["contents"]!), StringComparison.Ordinal);
        Assert.Equal(ReportConversationStep.Confirm, (await scenario.ConversationAsync(resident))!.Step);
    }

    [Fact]
    public async Task A_report_close_in_place_and_time_to_an_open_one_of_its_category_is_flagged_as_a_possible_duplicate()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ReportScenario(bed);
        var first = await scenario.FriendAsync();
        var second = await scenario.FriendAsync();

        // A place of its own, so that reports of other tests do not count.
        const double latitude = 40.5600;
        const double longitude = 140.6500;
        var original = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(first, "river", latitude, longitude)).Value);
        var near = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(second, "river", latitude + 0.0002, longitude)).Value);
        var otherCategory = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(second, "park", latitude, longitude)).Value);
        var farther = await scenario.CaseAsync(ReceiptNumber().Match(await scenario.ReportAsync(second, "river", latitude + 0.002, longitude)).Value);

        Assert.Null(original.PossibleDuplicateOfId);
        Assert.Equal(original.Id, near.PossibleDuplicateOfId);
        Assert.Null(otherCategory.PossibleDuplicateOfId);
        Assert.Null(farther.PossibleDuplicateOfId);
    }

    [GeneratedRegex(@"R-\d{4}-\d{6}")]
    private static partial Regex ReceiptNumber();
}

public sealed class SqliteReportChatTests(SqliteReportsBed fixture) : ReportChatTests(fixture), IClassFixture<SqliteReportsBed>;

public sealed class PostgresReportChatTests(PostgresReportsBed fixture) : ReportChatTests(fixture), IClassFixture<PostgresReportsBed>;
