using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Reports;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Processing;
using SmartBranch.Modules.Applications.Retention;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Applications.Processing;

/// <summary>Staff of the right department process a paid application; the resident is told each step in LINE; a rejection refunds.</summary>
public abstract class ApplicationProcessingTests(ProcessingBed fixture)
{
    [Fact]
    public async Task Staff_review_and_ship_an_application_and_the_resident_is_told_each_step_with_the_receipt_number_only()
    {
        var (bed, scenario, chat) = await StartAsync();
        var resident = await chat.FriendAsync();
        var application = await scenario.ReceivedAsync(resident);
        var other = await scenario.ReceivedAsync(resident);

        var listed = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationQueue>().SearchAsync(
            new ApplicationQueueFilter(ApplicationStatus.Received, "juminhyo"), 1, CancellationToken.None));
        var listing = Assert.Single(listed.Applications, a => a.Id == application.Id);
        Assert.Equal(("住民票の写し", "市民課", 2, 710), (listing.Type, listing.Department, listing.Copies, listing.TotalAmount));

        var opened = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().OpenAsync(application.Id, CancellationToken.None));
        Assert.Equal(("平川 太郎", "平川市柏木町藤山25-6"), (opened.Request!.RecipientName, opened.Request.Address));
        Assert.Equal((ProcessingScenario.Taro, true, true), (opened.Identity!.Certified, opened.Identity.NameMatches, opened.Identity.AddressMatches));
        Assert.Equal([ApplicationStatus.UnderReview, ApplicationStatus.Rejected], opened.NextStatuses);

        var before = (await bed.InboxAsync(resident)).Count;
        await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().StartReviewAsync(application.Id, CancellationToken.None));
        Assert.Equal($"申請（受付番号 {application.ReceiptNumber}）の審査を始めました。", ReportScenario.Text(await chat.MessageAfterAsync(resident, before)));
        await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().ShipAsync(application.Id, CancellationToken.None));
        Assert.Equal(
            $"申請（受付番号 {application.ReceiptNumber}）の証明書を郵送しました。届くまでしばらくお待ちください。",
            ReportScenario.Text(await chat.MessageAfterAsync(resident, before + 1)));

        var everything = string.Join("\n", (await bed.InboxAsync(resident)).Select(m => ReportScenario.Json(m["message"]!)));
        Assert.DoesNotContain("柏木町", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("太郎", everything, StringComparison.Ordinal);

        var shipped = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().OpenAsync(application.Id, CancellationToken.None));
        Assert.Equal(
            [(ApplicationStatus.Received, ApplicationStatus.UnderReview, "職員 shimin-1"), (ApplicationStatus.UnderReview, ApplicationStatus.Shipped, "職員 shimin-1")],
            shipped.History.Where(h => h.ActorKind == ApplicationActorKind.Staff).Select(h => (h.FromStatus, h.ToStatus, h.Actor)));
        Assert.Empty(shipped.NextStatuses);
        Assert.NotNull(shipped.PurgeDueAt);

        Assert.Equal(
            ["applications.application.viewed", "applications.application.status_changed", "applications.application.status_changed", "applications.application.viewed"],
            (await scenario.AuditedAsync(application.Id)).Select(a => a.Action));
        Assert.Empty(await scenario.AuditedAsync(other.Id));
    }

    [Fact]
    public async Task Rejecting_refunds_the_payment_keeps_the_reason_out_of_the_chat_and_a_refused_refund_can_be_asked_again()
    {
        var (bed, scenario, chat) = await StartAsync();
        var resident = await chat.FriendAsync();
        var application = await scenario.ReceivedAsync(resident);
        var reference = application.Id.ToString();

        var empty = await Assert.ThrowsAsync<ApplicationRuleException>(() => scenario.AsAsync(ProcessingScenario.CitizenStaff, s =>
            s.GetRequiredService<ApplicationDesk>().RejectAsync(application.Id, "  ", CancellationToken.None)));
        Assert.Equal("却下の理由を入力してください。", empty.Message);

        var before = (await bed.InboxAsync(resident)).Count;
        fixture.Payments.RefuseRefunds = true;
        ApplicationRefundOutcome refused;
        try
        {
            refused = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s =>
                s.GetRequiredService<ApplicationDesk>().RejectAsync(application.Id, "本籍地が市外のため、この窓口では交付できません。", CancellationToken.None));
        }
        finally
        {
            fixture.Payments.RefuseRefunds = false;
        }

        Assert.Equal("決済サービスに接続できませんでした。しばらくしてからもう一度お試しください。", refused.Error);
        var notice = ReportScenario.Text(await chat.MessageAfterAsync(resident, before));
        Assert.StartsWith($"申請（受付番号 {application.ReceiptNumber}）は、お受けできませんでした（却下）。", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("本籍地", notice, StringComparison.Ordinal);

        var rejected = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().OpenAsync(application.Id, CancellationToken.None));
        Assert.Equal((ApplicationStatus.Rejected, "本籍地が市外のため、この窓口では交付できません。"), (rejected.Status, rejected.RejectionReason));
        Assert.Equal((PaymentState.Paid, true), (rejected.Payment.Summary!.State, rejected.Payment.RefundNeeded));
        Assert.DoesNotContain(fixture.Payments.Refunds, r => r.Reference == reference);

        var retried = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().RetryRefundAsync(application.Id, CancellationToken.None));
        Assert.Equal(new ApplicationRefundOutcome(PaymentState.RefundPending, null), retried);
        var refund = Assert.Single(fixture.Payments.Refunds, r => r.Reference == reference);
        Assert.Equal($"申請 {application.ReceiptNumber} の却下", refund.Reason);
        var refunding = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().OpenAsync(application.Id, CancellationToken.None));
        Assert.Equal((PaymentState.RefundPending, false), (refunding.Payment.Summary!.State, refunding.Payment.RefundNeeded));

        var audited = (await scenario.AuditedAsync(application.Id)).Select(a => a.Action).ToList();
        Assert.Contains("applications.application.refund_failed", audited);
        Assert.Contains("applications.application.refund_requested", audited);
        Assert.Single(audited, a => a == "applications.application.status_changed");
    }

    [Fact]
    public async Task Each_status_notice_has_a_button_to_the_residents_own_status_page_which_shows_the_status_and_another_resident_cannot_open()
    {
        var (bed, scenario, chat) = await StartAsync();
        var resident = await chat.FriendAsync();
        var stranger = await chat.FriendAsync();
        var application = await scenario.ReceivedAsync(resident);
        const string reason = "本籍地が市外のため、この窓口では交付できません。";

        var before = (await bed.InboxAsync(resident)).Count;
        await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().StartReviewAsync(application.Id, CancellationToken.None));
        var reviewing = await chat.MessageAfterAsync(resident, before);
        await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().RejectAsync(application.Id, reason, CancellationToken.None));
        var rejected = await chat.MessageAfterAsync(resident, before + 1);

        var statusPage = $"https://liff.line.me/{ProcessingScenario.Channel.LiffId}/applications/{application.Id}";
        foreach (var notice in new[] { reviewing, rejected })
        {
            var template = notice["template"]!.AsObject();
            Assert.Equal(("template", "buttons"), (notice["type"]!.GetValue<string>(), template["type"]!.GetValue<string>()));
            Assert.Equal(ReportScenario.Text(notice), template["text"]!.GetValue<string>());
            var button = Assert.Single(template["actions"]!.AsArray())!.AsObject();
            Assert.Equal(("uri", "申請の状況を見る", statusPage), (button["type"]!.GetValue<string>(), button["label"]!.GetValue<string>(), button["uri"]!.GetValue<string>()));
            Assert.DoesNotContain(reason, ReportScenario.Json(notice), StringComparison.Ordinal);
            Assert.DoesNotContain("太郎", ReportScenario.Json(notice), StringComparison.Ordinal);
        }

        using var own = new Browser(bed.App.Address);
        var page = await scenario.OpenLiffLinkAsync(own, resident, statusPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("申請の状況", page.Document.QuerySelector("h1")!.TextContent);
        var facts = page.Document.QuerySelectorAll(".application-facts dt").Select(dt => (dt.TextContent, dt.NextElementSibling!.TextContent)).ToList();
        Assert.Contains(("受付番号", application.ReceiptNumber!), facts);
        Assert.Contains(("状況", "却下"), facts);
        Assert.Contains(("却下の理由", reason), facts);

        using var other = new Browser(bed.App.Address);
        var refused = await scenario.OpenLiffLinkAsync(other, stranger, statusPage);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Contains("この申請は見つかりませんでした", refused.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(application.ReceiptNumber!, refused.Document.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, refused.Document.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_only_their_departments_applications_other_tenants_cannot_reach_them_and_viewers_cannot_change_them()
    {
        var (_, scenario, chat) = await StartAsync();
        var application = await scenario.ReceivedAsync(await chat.FriendAsync());

        var tax = await scenario.AsAsync(ProcessingScenario.TaxStaff, s => s.GetRequiredService<ApplicationQueue>().SearchAsync(new ApplicationQueueFilter(), 1, CancellationToken.None));
        Assert.DoesNotContain(tax.Applications, a => a.Id == application.Id);
        await Assert.ThrowsAsync<ApplicationRuleException>(() => scenario.AsAsync(ProcessingScenario.TaxStaff, s =>
            s.GetRequiredService<ApplicationDesk>().OpenAsync(application.Id, CancellationToken.None)));

        var admin = await scenario.AsAsync(ProcessingScenario.Admin, s => s.GetRequiredService<ApplicationQueue>().SearchAsync(new ApplicationQueueFilter(), 1, CancellationToken.None));
        Assert.Contains(admin.Applications, a => a.Id == application.Id);

        var otherCity = await Assert.ThrowsAsync<ApplicationRuleException>(() => scenario.AsAsync(
            ProcessingScenario.Admin, s => s.GetRequiredService<ApplicationDesk>().StartReviewAsync(application.Id, CancellationToken.None), LineTestBed.OtherCityStaging));
        Assert.Equal("申請が見つかりません。別の課・自治体・環境の申請か、番号が違います。", otherCity.Message);
        await Assert.ThrowsAsync<ApplicationRuleException>(() => scenario.AsAsync(
            ProcessingScenario.Admin, s => s.GetRequiredService<ApplicationDesk>().OpenAsync(application.Id, CancellationToken.None), LineTestBed.HirakawaProduction));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.AsAsync(ProcessingScenario.CitizenViewer, s =>
            s.GetRequiredService<ApplicationDesk>().StartReviewAsync(application.Id, CancellationToken.None)));
        Assert.Equal(ApplicationStatus.Received, (await scenario.ApplicationAsync(application.Id)).Status);
        Assert.Empty(await scenario.AuditedAsync(application.Id));
    }

    [Fact]
    public async Task When_two_staff_act_at_once_the_second_is_refused_and_the_resident_hears_only_of_the_first()
    {
        var (bed, scenario, chat) = await StartAsync();
        var resident = await chat.FriendAsync();
        var application = await scenario.ReceivedAsync(resident);
        var before = (await bed.InboxAsync(resident)).Count;

        // The second staff member's page loaded the application before the first one moved it.
        await using var second = scenario.SignedIn(ProcessingScenario.CitizenStaff);
        var secondDesk = second.ServiceProvider.GetRequiredService<ApplicationDesk>();
        await secondDesk.OpenAsync(application.Id, CancellationToken.None);
        await scenario.AsAsync(ProcessingScenario.CitizenStaff, first => first.GetRequiredService<ApplicationDesk>().StartReviewAsync(application.Id, CancellationToken.None));

        var refused = await Assert.ThrowsAsync<ApplicationRuleException>(() => secondDesk.RejectAsync(application.Id, "書類の不備", CancellationToken.None));

        Assert.Equal("この申請は同時に別の職員が変更しました。画面を読み込み直してから、もう一度操作してください。", refused.Message);
        Assert.Equal(ApplicationStatus.UnderReview, (await scenario.ApplicationAsync(application.Id)).Status);
        Assert.Equal($"申請（受付番号 {application.ReceiptNumber}）の審査を始めました。", ReportScenario.Text(await chat.MessageAfterAsync(resident, before)));
        await bed.WaitUntilIdleAsync();
        Assert.Equal(before + 1, (await bed.InboxAsync(resident)).Count);
        Assert.DoesNotContain(fixture.Payments.Refunds, r => r.Reference == application.Id.ToString());
    }

    [Fact]
    public async Task The_retention_purge_erases_personal_data_once_after_the_types_period_and_keeps_the_record()
    {
        var (_, scenario, chat) = await StartAsync();
        var application = await scenario.ReceivedAsync(await chat.FriendAsync());
        await scenario.AsAsync(ProcessingScenario.CitizenStaff, async s =>
        {
            var desk = s.GetRequiredService<ApplicationDesk>();
            await desk.StartReviewAsync(application.Id, CancellationToken.None);
            await desk.ShipAsync(application.Id, CancellationToken.None);
        });
        var shipped = await scenario.ApplicationAsync(application.Id);
        Assert.Equal(shipped.ClosedAt!.Value.AddDays(90), shipped.PurgeDueAt);

        try
        {
            fixture.Clock.SetUtcNow(shipped.PurgeDueAt!.Value.AddMinutes(-1));
            await PurgeAsync();
            Assert.NotNull((await scenario.ApplicationAsync(application.Id)).FormData);

            // Two workers' runs meeting: the application is erased and audited once.
            fixture.Clock.SetUtcNow(shipped.PurgeDueAt!.Value.AddMinutes(1));
            await Task.WhenAll(PurgeAsync(), PurgeAsync());
        }
        finally
        {
            fixture.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        }

        var purged = await scenario.ApplicationAsync(application.Id);
        Assert.Equal((null, null, null, null, null), (purged.FormData, purged.SignedDocument, purged.SignerCertificate, purged.VerifiedIdentity, purged.Signature));
        Assert.NotNull(purged.PersonalDataPurgedAt);
        Assert.Equal((application.ReceiptNumber, "juminhyo", ApplicationStatus.Shipped, 710, 2), (purged.ReceiptNumber, purged.TypeKey, purged.Status, purged.TotalAmount, purged.Copies));

        var detail = await scenario.AsAsync(ProcessingScenario.CitizenStaff, s => s.GetRequiredService<ApplicationDesk>().OpenAsync(application.Id, CancellationToken.None));
        Assert.Equal((purged.PersonalDataPurgedAt, null, null), (detail.PurgedAt, detail.Request, detail.Identity));
        await Assert.ThrowsAsync<ApplicationRuleException>(() => scenario.AsAsync(ProcessingScenario.CitizenStaff, s =>
            s.GetRequiredService<ApplicationDesk>().PrintAsync(application.Id, CancellationToken.None)));

        // Erased once, by the system; nothing personal was shown afterwards, so no view was recorded.
        Assert.Equal(
            [
                ("applications.application.status_changed", "shimin-1"),
                ("applications.application.status_changed", "shimin-1"),
                ("applications.application.purged", "system"),
            ],
            await scenario.AuditedAsync(application.Id));

        async Task PurgeAsync()
        {
            var bed = await fixture.GetAsync();
            await using var scope = bed.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ApplicationRetentionPurge>().PurgeDueAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_print_sheet_carries_the_delivery_address_and_amounts_and_is_audited()
    {
        var (_, scenario, chat) = await StartAsync();
        var application = await scenario.ReceivedAsync(await chat.FriendAsync());

        var sheet = await scenario.AsAsync(ProcessingScenario.CitizenViewer, s => s.GetRequiredService<ApplicationDesk>().PrintAsync(application.Id, CancellationToken.None));

        Assert.Equal(("平川 太郎", "036-0104", "平川市柏木町藤山25-6", "平川市"), (sheet.RecipientName, sheet.PostalCode, sheet.Address, sheet.Sender));
        Assert.Equal(new ApplicationAmountView(2, 300, 600, "普通郵便", 110, 710), sheet.Amount);
        Assert.Equal(["applications.application.printed"], (await scenario.AuditedAsync(application.Id)).Select(a => a.Action));
    }

    private async Task<(LineTestBed Bed, ProcessingScenario Scenario, ReportScenario Chat)> StartAsync()
    {
        var bed = await fixture.GetAsync();
        return (bed, new ProcessingScenario(fixture, bed), new ReportScenario(bed));
    }
}

public sealed class SqliteApplicationProcessingTests(SqliteProcessingBed fixture) : ApplicationProcessingTests(fixture), IClassFixture<SqliteProcessingBed>;

public sealed class PostgresApplicationProcessingTests(PostgresProcessingBed fixture) : ApplicationProcessingTests(fixture), IClassFixture<PostgresProcessingBed>;
