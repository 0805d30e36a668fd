using System.Net;
using AngleSharp.Html.Parser;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Payments.Sandbox;

namespace SmartBranch.IntegrationTests.Modules.Payments;

/// <summary>
/// The sandbox in Hirakawa's staging, through the real server: its checkout page shows what is paid, refuses a declined
/// test card with a clear error, and on payment posts its signed event to the webhook, which marks the payment paid;
/// a refund succeeds a moment later by an event of its own.
/// </summary>
public abstract class SandboxPaymentTests(PaymentsBed fixture)
{
    private static readonly TestChannel Staging = PaymentsBed.Staging;

    [Fact]
    public async Task The_sandbox_page_pays_with_a_test_card_and_its_signed_event_marks_the_payment_paid()
    {
        var bed = await fixture.GetAsync();
        var reference = $"app-{Guid.NewGuid():N}";
        var order = PaymentsBed.Order(reference, unitAmountYen: 1200, quantity: 1);
        var start = await PaymentsBed.PayAsync(bed, Staging, p => p.StartAsync(order, default));
        Assert.Equal(("sandbox", PaymentState.Open), (start.Payment.Gateway, start.Payment.State));
        using var browser = Browser(bed);

        var page = await browser.GetAsync(start.PaymentUrl.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Equal("ja", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("テスト用", document.QuerySelector("[role=note]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("住民票の写し", document.QuerySelector("main ul")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("合計 1,200円", document.Body!.TextContent, StringComparison.Ordinal);
        var token = document.QuerySelector($"input[name={SandboxCheckoutEndpoints.TokenField}]")!.GetAttribute("value")!;

        var declined = await browser.PostAsync(start.PaymentUrl.AbsolutePath, Form(token, "card", "4000 0000 0000 0002"));

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        var refusal = new HtmlParser().ParseDocument(await declined.Content.ReadAsStringAsync());
        Assert.Contains("ご利用いただけませんでした", refusal.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", refusal.QuerySelector("#card")!.GetAttribute("aria-invalid"));
        Assert.Equal(PaymentState.Open, (await PaymentsBed.PayAsync(bed, Staging, p => p.FindAsync(reference, default)))!.State);

        var paid = await browser.PostAsync(start.PaymentUrl.AbsolutePath, Form(token, "card", "4242 4242 4242 4242"));

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(order.SuccessUrl, paid.Headers.Location);
        var payment = await PaymentsBed.PayAsync(bed, Staging, p => p.FindAsync(reference, default));
        Assert.Equal((PaymentState.Paid, 1200L), (payment!.State, payment.AmountYen));
        Assert.Equal(1, await PaymentsBed.EventsAsync<PaymentCompletedIntegrationEvent>(bed, Staging, reference));

        var pressedAgain = await browser.PostAsync(start.PaymentUrl.AbsolutePath, Form(token, "paypay", ""));

        Assert.Equal(HttpStatusCode.Redirect, pressedAgain.StatusCode);
        Assert.Equal(1, await PaymentsBed.EventsAsync<PaymentCompletedIntegrationEvent>(bed, Staging, reference));

        var refund = await PaymentsBed.PayAsync(bed, Staging, p => p.RefundAsync(reference, "手数料の誤り", default));

        Assert.Contains(refund.State, new[] { PaymentState.RefundPending, PaymentState.Refunded });
        await Eventually.TrueAsync(
            async () => (await PaymentsBed.PayAsync(bed, Staging, p => p.FindAsync(reference, default)))!.State == PaymentState.Refunded,
            "the sandbox's refund event");
        Assert.Equal(1, await PaymentsBed.EventsAsync<PaymentRefundedIntegrationEvent>(bed, Staging, reference));
    }

    [Fact]
    public async Task Cancelling_returns_to_the_order_and_a_changed_token_is_refused()
    {
        var bed = await fixture.GetAsync();
        var reference = $"app-{Guid.NewGuid():N}";
        var order = PaymentsBed.Order(reference);
        var start = await PaymentsBed.PayAsync(bed, Staging, p => p.StartAsync(order, default));
        using var browser = Browser(bed);
        var token = Uri.UnescapeDataString(start.PaymentUrl.Query[(SandboxCheckoutEndpoints.TokenField.Length + 2)..]);

        var cancelled = await browser.PostAsync(start.PaymentUrl.AbsolutePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [SandboxCheckoutEndpoints.TokenField] = token,
            ["action"] = "cancel",
        }));
        var forged = await browser.PostAsync(start.PaymentUrl.AbsolutePath, Form(token[..^4] + "AAAA", "paypay", ""));

        Assert.Equal((HttpStatusCode.Redirect, order.CancelUrl), (cancelled.StatusCode, cancelled.Headers.Location));
        Assert.Equal(HttpStatusCode.Gone, forged.StatusCode);
        Assert.Equal(PaymentState.Open, (await PaymentsBed.PayAsync(bed, Staging, p => p.FindAsync(reference, default)))!.State);
    }

    // The resident's browser, stopping at each redirect to show where it leads.
    private static HttpClient Browser(LineTestBed bed) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = bed.App.Address };

    private static FormUrlEncodedContent Form(string token, string method, string card) => new(new Dictionary<string, string>
    {
        [SandboxCheckoutEndpoints.TokenField] = token,
        ["method"] = method,
        ["card"] = card,
        ["action"] = "pay",
    });
}

public sealed class SqliteSandboxPaymentTests(SqlitePaymentsBed fixture) : SandboxPaymentTests(fixture), IClassFixture<SqlitePaymentsBed>;

public sealed class PostgresSandboxPaymentTests(PostgresPaymentsBed fixture) : SandboxPaymentTests(fixture), IClassFixture<PostgresPaymentsBed>;
