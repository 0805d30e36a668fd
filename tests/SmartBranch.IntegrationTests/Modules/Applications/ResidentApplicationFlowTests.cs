using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Jpki;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Privacy;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Applications;

/// <summary>A resident applies for a certificate on the LIFF pages, through the real server, with the card and the payment faked at their seams.</summary>
public abstract class ResidentApplicationFlowTests(ApplicationsBed fixture)
{
    [Fact]
    public async Task A_resident_applies_signs_and_pays_and_gets_the_receipt_number_on_the_page_and_in_LINE_with_nothing_personal()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ApplicationScenario(fixture, bed);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);

        var index = await scenario.OpenAsync(browser, resident);
        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.Equal(["住民票の写し", "住民票記載事項証明書", "印鑑登録証明書", "戸籍謄本・抄本", "所得・課税証明書"],
            index.Document.QuerySelectorAll(".application-types button").Select(b => b.ChildNodes[0].TextContent));

        var form = await ApplicationScenario.ChooseAsync(browser, index, "juminhyo");
        Assert.Equal("住民票の写し", form.Document.QuerySelector("h1")!.TextContent);
        var id = ApplicationScenario.IdOf(form);

        var review = await ApplicationScenario.ReviewAsync(browser, form, ApplicationScenario.Juminhyo());
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.Equal("申請内容の確認", review.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            [("発行手数料 300円 × 2通", "600円"), ("郵送料（速達）", "410円"), ("合計", "1,010円")],
            review.Document.QuerySelectorAll("#application-amounts tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)));
        Assert.Contains("平川 花子\n平川 一郎", review.Document.QuerySelectorAll(".application-facts dd").Select(d => d.TextContent));

        var onward = await ApplicationScenario.PressAsync(browser, review, "sign");
        Assert.Equal("sign.example", ApplicationScenario.Onward(onward).Host);
        var signing = Assert.Single(scenario.Jpki.StartedFor(id));
        var submitted = await scenario.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.AwaitingSignature, 1010), (submitted.Status, submitted.TotalAmount));
        Assert.Matches(@"^A-\d{4}-\d{6}$", submitted.ReceiptNumber);
        var document = Encoding.UTF8.GetString(signing.Document);
        Assert.Contains(submitted.ReceiptNumber!, document, StringComparison.Ordinal);
        Assert.Contains("青森県平川市柏木町藤山25番地6", document, StringComparison.Ordinal);
        Assert.Equal($"/r/hirakawa/staging/applications/{id}/signed", signing.ReturnUrl.AbsolutePath);

        var payment = await scenario.ReturnFromCardAsync(browser, id);
        Assert.Equal("お支払い", payment.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("支払う（1,010円）", payment.Document.QuerySelector("button[value=pay]")!.TextContent);
        var signed = await scenario.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.AwaitingPayment, JpkiVerificationOutcome.Verified), (signed.Status, signed.VerificationOutcome));
        Assert.Equal(FakeJpki.Hanako, await bed.InTenantAsync(ApplicationScenario.Channel,
            (_, services) => Task.FromResult(services.GetRequiredService<ApplicationPersonalData>().OpenIdentity(signed))));

        var toGateway = await ApplicationScenario.PressAsync(browser, payment, "pay");
        Assert.Equal("pay.example", ApplicationScenario.Onward(toGateway).Host);
        var order = Assert.Single(scenario.Payments.OrdersFor(id));
        Assert.Equal([("住民票の写し（発行手数料）", 300L, 2), ("郵送料（速達）", 410L, 1)], order.Lines.Select(l => (l.Name, l.UnitAmountYen, l.Quantity)));
        Assert.Equal(1010, order.TotalYen);

        var waiting = await browser.GetAsync(new Uri(order.SuccessUrl.ToString()).PathAndQuery);
        Assert.NotNull(waiting.Document.QuerySelector("#payment-waiting[data-status-url]"));
        var inboxBefore = (await scenario.InboxAsync(resident)).Count;

        await scenario.PayAsync(id);

        var receipt = await browser.GetAsync(ApplicationScenario.IndexPath + "/" + id);
        Assert.Equal("申請を受け付けました", receipt.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(submitted.ReceiptNumber!, receipt.Document.QuerySelector("#application-receipt")!.TextContent, StringComparison.Ordinal);
        var pushed = await Eventually.GetAsync(() => scenario.InboxAsync(resident), m => m.Count > inboxBefore, "the receipt in LINE");
        var text = pushed[^1]["message"]!["text"]!.GetValue<string>();
        Assert.StartsWith($"住民票の写しの申請を受け付けました。受付番号は {submitted.ReceiptNumber} です。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("花子", text, StringComparison.Ordinal);
        Assert.DoesNotContain("柏木町", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1,010", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_verification_or_a_signing_given_up_is_told_in_Japanese_and_the_resident_signs_again()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ApplicationScenario(fixture, bed);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var form = await ApplicationScenario.ChooseAsync(browser, await scenario.OpenAsync(browser, resident), "juminhyo");
        var id = ApplicationScenario.IdOf(form);
        var review = await ApplicationScenario.ReviewAsync(browser, form, ApplicationScenario.Juminhyo());

        scenario.Jpki.RefuseNext(id, JpkiVerificationOutcome.CertificateRevoked);
        await ApplicationScenario.PressAsync(browser, review, "sign");
        var refused = await scenario.ReturnFromCardAsync(browser, id);

        Assert.Equal("申請内容の確認", refused.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("署名用電子証明書が失効しています", refused.Document.QuerySelector("#signing-refused[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("もう一度署名する", refused.Document.QuerySelector("button[value=sign]")!.TextContent);
        var afterRefusal = await scenario.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.AwaitingSignature, JpkiVerificationOutcome.CertificateRevoked), (afterRefusal.Status, afterRefusal.VerificationOutcome));
        Assert.Null(afterRefusal.VerifiedIdentity);

        // Coming back later shows the same reason.
        var later = await browser.GetAsync(ApplicationScenario.IndexPath + "/" + id);
        Assert.Contains("失効しています", later.Document.QuerySelector("#signing-refused")!.TextContent, StringComparison.Ordinal);

        scenario.Jpki.CancelNext(id);
        await ApplicationScenario.PressAsync(browser, later, "sign");
        var cancelled = await scenario.ReturnFromCardAsync(browser, id);
        Assert.Contains("署名が完了しませんでした", cancelled.Document.QuerySelector("#signing-refused")!.TextContent, StringComparison.Ordinal);

        await ApplicationScenario.PressAsync(browser, cancelled, "sign");
        var payment = await scenario.ReturnFromCardAsync(browser, id);
        Assert.Equal("お支払い", payment.Document.QuerySelector("h1")!.TextContent);
        var verified = await scenario.ApplicationAsync(id);
        Assert.Equal(ApplicationStatus.AwaitingPayment, verified.Status);
        Assert.Equal(3, scenario.Jpki.StartedFor(id).Count);
        Assert.Single(scenario.Jpki.StartedFor(id).Select(r => Convert.ToBase64String(r.Document)).Distinct());
    }

    [Fact]
    public async Task An_expired_payment_leaves_the_application_waiting_for_payment_and_the_resident_pays_again_under_the_same_reference()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ApplicationScenario(fixture, bed);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var (id, payment) = await scenario.SignedAsync(browser, resident, "juminhyo", ApplicationScenario.Juminhyo());
        await ApplicationScenario.PressAsync(browser, payment, "pay");

        await scenario.PublishAsync(new PaymentExpiredIntegrationEvent(id.ToString()));
        var expired = await scenario.WaitForAsync(id, a => a.PaymentExpiredAt is not null, "the payment's expiry to be recorded");
        Assert.Equal(ApplicationStatus.AwaitingPayment, expired.Status);

        var again = await browser.GetAsync(ApplicationScenario.IndexPath + "/" + id);
        Assert.Contains("お支払いの期限が切れました", again.Document.QuerySelector("#payment-expired")!.TextContent, StringComparison.Ordinal);
        await ApplicationScenario.PressAsync(browser, again, "pay");
        Assert.Equal([id.ToString(), id.ToString()], scenario.Payments.OrdersFor(id).Select(o => o.Reference));

        await scenario.PayAsync(id);
        var received = await scenario.ApplicationAsync(id);
        Assert.Null(received.PaymentExpiredAt);
        Assert.Contains(received.History, h => h.Reason == "支払の期限が切れました");
    }

    [Fact]
    public async Task Pressing_twice_at_every_step_makes_one_application_one_receipt_number_one_checkout_and_one_message()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ApplicationScenario(fixture, bed);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var index = await scenario.OpenAsync(browser, resident);

        var firstStart = ApplicationScenario.ChooseAsync(browser, index, "inkan");
        var secondStart = ApplicationScenario.ChooseAsync(browser, index, "inkan");
        var starts = await Task.WhenAll(firstStart, secondStart);
        var id = ApplicationScenario.IdOf(starts[0]);
        Assert.Equal(id, ApplicationScenario.IdOf(starts[1]));

        var fields = ApplicationScenario.Juminhyo();
        fields.Remove("household_members");
        var review = await ApplicationScenario.ReviewAsync(browser, starts[0], fields);
        await Task.WhenAll(ApplicationScenario.PressAsync(browser, review, "sign"), ApplicationScenario.PressAsync(browser, review, "sign"));
        var receiptNumber = (await scenario.ApplicationAsync(id)).ReceiptNumber;
        Assert.All(scenario.Jpki.StartedFor(id), r => Assert.Contains(receiptNumber!, Encoding.UTF8.GetString(r.Document), StringComparison.Ordinal));

        var payment = await scenario.ReturnFromCardAsync(browser, id);
        await Task.WhenAll(ApplicationScenario.PressAsync(browser, payment, "pay"), ApplicationScenario.PressAsync(browser, payment, "pay"));
        Assert.Single(scenario.Payments.OrdersFor(id).Select(o => o.Reference).Distinct());

        var inboxBefore = (await scenario.InboxAsync(resident)).Count;
        await scenario.PayAsync(id);
        await scenario.PublishAsync(new PaymentCompletedIntegrationEvent(id.ToString(), 710, "fake"));
        await bed.WaitUntilIdleAsync();

        var applications = await bed.InTenantAsync(ApplicationScenario.Channel, (db, _) => db.Set<ResidentApplication>().AsNoTracking()
            .Where(a => a.LineUserId == resident).ToListAsync());
        var only = Assert.Single(applications);
        Assert.Equal((receiptNumber, ApplicationStatus.Received), (only.ReceiptNumber, only.Status));
        Assert.Single((await scenario.InboxAsync(resident)).Skip(inboxBefore),
            m => m["message"]!["text"]!.GetValue<string>().Contains(receiptNumber!, StringComparison.Ordinal));

        // A late press of the old payment page sends the resident to the receipt, not to a second payment.
        var late = await ApplicationScenario.PressAsync(browser, payment, "pay");
        Assert.Equal("申請を受け付けました", late.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_draft_is_kept_when_the_resident_leaves_and_mistakes_are_shown_beside_their_fields_with_nothing_lost()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ApplicationScenario(fixture, bed);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        var form = await ApplicationScenario.ChooseAsync(browser, await scenario.OpenAsync(browser, resident), "koseki");
        var id = ApplicationScenario.IdOf(form);

        var fields = new Dictionary<string, string>
        {
            ["step"] = "save",
            ["purpose"] = "相続の手続き",
            ["copies"] = "３",
            ["variant"] = "full",
            ["domicile_in_city"] = "no",
            ["recipient_name"] = "平川 花子",
            ["postal_code"] = "０３６０１０４",
        };
        var kept = await browser.SubmitAsync(form, fields);
        Assert.Equal(HttpStatusCode.NoContent, kept.Status);

        var back = await browser.GetAsync(ApplicationScenario.IndexPath + "/" + id);
        Assert.Equal("3", back.Document.QuerySelector<IHtmlInputElement>("#f-copies")!.Value);
        Assert.Equal("036-0104", back.Document.QuerySelector<IHtmlInputElement>("#f-postal-code")!.Value);
        Assert.True(back.Document.QuerySelector<IHtmlInputElement>("input[name=variant][value=full]")!.IsChecked);

        // Coming back through the list resumes the same application rather than starting another.
        var again = await ApplicationScenario.ChooseAsync(browser, await browser.GetAsync(ApplicationScenario.IndexPath), "koseki");
        Assert.Equal(id, ApplicationScenario.IdOf(again));

        fields["step"] = "review";
        var refused = await browser.SubmitAsync(back, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.StartsWith("入力内容に確認が必要な箇所があります", refused.Document.Title, StringComparison.Ordinal);
        Assert.Equal("戸籍謄本・抄本は、本籍が平川市にある方だけが申請できます。本籍のある市区町村に申請してください。",
            refused.Document.QuerySelector("#f-domicile-in-city-error")!.TextContent);
        Assert.Contains("f-domicile-in-city-error", refused.Document.QuerySelector("#f-domicile-in-city")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        var address = refused.Document.QuerySelector("#f-address")!;
        Assert.Equal(("true", "f-address-error"), (address.GetAttribute("aria-invalid"), address.GetAttribute("aria-describedby")));
        Assert.Contains(refused.Document.QuerySelectorAll("#errors a"), a => a.GetAttribute("href") == "#f-address");
        Assert.Equal("平川 花子", refused.Document.QuerySelector<IHtmlInputElement>("#f-recipient-name")!.Value);
        Assert.Equal(ApplicationStatus.Draft, (await scenario.ApplicationAsync(id)).Status);
        Assert.Empty(scenario.Jpki.StartedFor(id));
    }

    [Fact]
    public async Task Another_residents_application_is_not_found_and_a_resident_who_is_not_a_friend_is_refused()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ApplicationScenario(fixture, bed);
        var owner = await scenario.FriendAsync();
        var other = await scenario.FriendAsync();
        using var ownerBrowser = new Browser(bed.App.Address);
        var id = ApplicationScenario.IdOf(await ApplicationScenario.ChooseAsync(ownerBrowser, await scenario.OpenAsync(ownerBrowser, owner), "juminhyo"));

        using var otherBrowser = new Browser(bed.App.Address);
        await scenario.OpenAsync(otherBrowser, other);
        var foreign = await otherBrowser.GetAsync(ApplicationScenario.IndexPath + "/" + id);
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Contains("この申請は見つかりませんでした", foreign.Body, StringComparison.Ordinal);

        using var strangerBrowser = new Browser(bed.App.Address);
        var stranger = await scenario.OpenAsync(strangerBrowser, await bed.CreateLineUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, stranger.Status);
        Assert.Contains("友だちに追加してください", stranger.Body, StringComparison.Ordinal);
    }
}

public sealed class SqliteResidentApplicationFlowTests(SqliteApplicationsBed fixture) : ResidentApplicationFlowTests(fixture), IClassFixture<SqliteApplicationsBed>;

public sealed class PostgresResidentApplicationFlowTests(PostgresApplicationsBed fixture) : ResidentApplicationFlowTests(fixture), IClassFixture<PostgresApplicationsBed>;
