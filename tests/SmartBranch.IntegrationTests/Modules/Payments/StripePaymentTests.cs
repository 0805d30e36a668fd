using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;
using SmartBranch.Payments;
using SmartBranch.TestSupport.Stripe;

namespace SmartBranch.IntegrationTests.Modules.Payments;

/// <summary>
/// Payment through Stripe (the stand-in) in Hirakawa's production, through the real server: the checkout Stripe is
/// asked for, one payment per reference however often it is started, the webhook's refusals (forgery, replay, stale or
/// mismatched events) and refunds.
/// </summary>
public abstract class StripePaymentTests(PaymentsBed fixture)
{
    private static readonly TestChannel Production = PaymentsBed.Production;

    [Fact]
    public async Task A_checkout_is_asked_of_Stripe_in_yen_with_the_orders_lines_methods_and_reference()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();

        var start = await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference, unitAmountYen: 350, quantity: 2), default));

        Assert.Equal((reference, "stripe", 700L, PaymentState.Open), (start.Payment.Reference, start.Payment.Gateway, start.Payment.AmountYen, start.Payment.State));
        var request = Assert.Single(fixture.Stripe.Requests, r => r.Path == "/v1/checkout/sessions" && r.Form.GetValueOrDefault("client_reference_id") == reference);
        Assert.Equal("payment", request.Form["mode"]);
        Assert.Equal("jpy", request.Form["currency"]);
        Assert.Equal(("住民票の写し", "350", "2", "jpy"), (
            request.Form["line_items[0][price_data][product_data][name]"], request.Form["line_items[0][price_data][unit_amount]"],
            request.Form["line_items[0][quantity]"], request.Form["line_items[0][price_data][currency]"]));
        Assert.Equal(("card", "paypay"), (request.Form["allowed_payment_method_types[0]"], request.Form["allowed_payment_method_types[1]"]));
        Assert.Equal(reference, request.Form["metadata[reference]"]);
        Assert.NotEmpty(request.IdempotencyKey);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Form["expires_at"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24));
        Assert.Equal(fixture.Stripe.Session(SessionOf(reference)["id"]!.GetValue<string>())["url"]!.GetValue<string>(), start.PaymentUrl.AbsoluteUri);
    }

    [Fact]
    public async Task The_same_idempotency_key_opens_one_Stripe_session()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        var request = new PaymentCheckoutRequest(
            $"key-{reference}", reference, [new PaymentLineItem("印鑑登録証明書", 300, 1)], [PaymentMethods.Card],
            new Uri("https://city.example/paid"), new Uri("https://city.example/cancelled"));

        var (first, second) = await bed.InTenantAsync(Production, async (_, services) =>
        {
            var gateway = services.GetRequiredService<IPaymentGateways>().For(Production.Tenant, Production.Environment);
            return (await gateway.StartCheckoutAsync(request, default), await gateway.StartCheckoutAsync(request, default));
        });

        Assert.Equal(first, second);
        Assert.Single(fixture.Stripe.Sessions, s => s["client_reference_id"]?.GetValue<string>() == reference);
    }

    [Fact]
    public async Task Two_starts_at_the_same_moment_make_one_payment_with_one_checkout()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();

        var starts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default))));

        Assert.Equal(starts[0].PaymentUrl, starts[1].PaymentUrl);
        Assert.Single(fixture.Stripe.Sessions, s => s["client_reference_id"]?.GetValue<string>() == reference);
        Assert.Equal(1, await bed.InTenantAsync(Production, (db, _) => db.Set<Payment>().CountAsync(p => p.Reference == reference)));
    }

    [Fact]
    public async Task A_started_payment_is_returned_again_while_its_checkout_is_open()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();

        var first = await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));
        var again = await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));

        Assert.Equal(first.PaymentUrl, again.PaymentUrl);
        Assert.Single(fixture.Stripe.Sessions, s => s["client_reference_id"]?.GetValue<string>() == reference);
    }

    [Fact]
    public async Task A_paid_checkout_marks_the_payment_paid_and_a_replay_of_its_event_is_handled_once()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));
        var session = SessionOf(reference);
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = $"pi_{reference}";
        var completed = StripeStandIn.Sign(fixture.Stripe.Event("checkout.session.completed", session), PaymentsBed.WebhookSecret, DateTimeOffset.UtcNow);

        var first = await fixture.Stripe.PostAsync(Webhook(bed), completed);
        var replay = await fixture.Stripe.PostAsync(Webhook(bed), completed);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        var paid = await PaymentsBed.PayAsync(bed, Production, p => p.FindAsync(reference, default));
        Assert.Equal((PaymentState.Paid, 600L), (paid!.State, paid.AmountYen));
        Assert.NotNull(paid.PaidAt);
        Assert.Equal($"pi_{reference}", (await PaymentsBed.RecordAsync(bed, Production, reference)).GatewayPaymentId);
        Assert.Equal(1, await PaymentsBed.EventsAsync<PaymentCompletedIntegrationEvent>(bed, Production, reference));
        await Assert.ThrowsAsync<InvalidOperationException>(() => PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default)));
    }

    [Fact]
    public async Task Forged_events_are_refused_and_mark_nothing_paid()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));
        var payload = CompletedPayload(reference);
        var genuine = StripeStandIn.Sign(payload, PaymentsBed.WebhookSecret, DateTimeOffset.UtcNow);

        var tampered = await fixture.Stripe.PostAsync(Webhook(bed), genuine with { Payload = payload.Replace("\"paid\"", "\"paid\" ", StringComparison.Ordinal) });
        var wrongSecret = await fixture.Stripe.PostAsync(Webhook(bed), StripeStandIn.Sign(payload, "whsec_someone_else", DateTimeOffset.UtcNow));
        var unsigned = await fixture.Stripe.PostAsync(Webhook(bed), genuine with { Signature = null });
        var garbage = await fixture.Stripe.PostAsync(Webhook(bed), genuine with { Signature = "t=1,v1=00" });

        Assert.All([tampered, wrongSecret, unsigned, garbage], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(PaymentState.Open, (await PaymentsBed.RecordAsync(bed, Production, reference)).State);
        Assert.Equal(0, await PaymentsBed.EventsAsync<PaymentCompletedIntegrationEvent>(bed, Production, reference));
    }

    [Fact]
    public async Task An_event_signed_too_long_ago_is_refused_as_a_replay()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));

        var stale = StripeStandIn.Sign(CompletedPayload(reference), PaymentsBed.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10));
        var response = await fixture.Stripe.PostAsync(Webhook(bed), stale);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PaymentState.Open, (await PaymentsBed.RecordAsync(bed, Production, reference)).State);
    }

    [Fact]
    public async Task An_amount_that_does_not_match_is_refused_kept_as_a_discrepancy_and_alerts_operators()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));
        var sessionId = SessionOf(reference)["id"]!.GetValue<string>();

        var response = await fixture.Stripe.CompleteAsync(sessionId, Webhook(bed), PaymentsBed.WebhookSecret, amountTotal: 1);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(PaymentState.Open, (await PaymentsBed.RecordAsync(bed, Production, reference)).State);
        Assert.Equal(0, await PaymentsBed.EventsAsync<PaymentCompletedIntegrationEvent>(bed, Production, reference));
        var discrepancy = await bed.InTenantAsync(Production, (db, _) => db.Set<PaymentDiscrepancy>().AsNoTracking().SingleAsync(d => d.Reference == reference));
        Assert.Equal((600L, 1L), (discrepancy.ExpectedAmountYen, discrepancy.ReportedAmountYen));
        await using var scope = bed.App.Services.CreateAsyncScope();
        var rule = scope.ServiceProvider.GetServices<IAlertRule>().Single(r => r.Id == "payment-discrepancy");
        var alerts = await rule.EvaluateAsync(DateTimeOffset.UtcNow, default);
        Assert.Contains(alerts, a => a.Subject == discrepancy.EventId && a.TenantSlug == Production.Tenant && a.EnvironmentName == Production.Environment);
    }

    [Fact]
    public async Task A_refund_is_asked_of_Stripe_once_and_its_event_marks_the_payment_refunded()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));
        var sessionId = SessionOf(reference)["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Stripe.CompleteAsync(sessionId, Webhook(bed), PaymentsBed.WebhookSecret)).StatusCode);

        var requested = await PaymentsBed.PayAsync(bed, Production, p => p.RefundAsync(reference, "申請の取り下げ", default));
        var again = await PaymentsBed.PayAsync(bed, Production, p => p.RefundAsync(reference, "申請の取り下げ", default));

        Assert.Equal((PaymentState.RefundPending, PaymentState.RefundPending), (requested.State, again.State));
        var refundRequest = Assert.Single(fixture.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form.GetValueOrDefault("metadata[reference]") == reference);
        Assert.Equal(($"pi_{sessionId}", "600"), (refundRequest.Form["payment_intent"], refundRequest.Form["amount"]));
        Assert.NotEmpty(refundRequest.IdempotencyKey);
        var refundId = (await bed.InTenantAsync(Production, (db, _) => db.Set<PaymentRefundRecord>().AsNoTracking().SingleAsync(r => r.Reference == reference))).GatewayRefundId!;

        var succeeded = fixture.Stripe.RefundEvent(fixture.Stripe.Refund(refundId), "succeeded");
        var response = await fixture.Stripe.PostAsync(Webhook(bed), StripeStandIn.Sign(succeeded, PaymentsBed.WebhookSecret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refunded = await PaymentsBed.PayAsync(bed, Production, p => p.FindAsync(reference, default));
        Assert.Equal(PaymentState.Refunded, refunded!.State);
        Assert.NotNull(refunded.RefundedAt);
        Assert.Equal(1, await PaymentsBed.EventsAsync<PaymentRefundedIntegrationEvent>(bed, Production, reference));
    }

    [Fact]
    public async Task Refunding_what_was_never_paid_does_nothing()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));

        var result = await PaymentsBed.PayAsync(bed, Production, p => p.RefundAsync(reference, "申請の取り下げ", default));

        Assert.Equal(PaymentState.Open, result.State);
        Assert.DoesNotContain(fixture.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Form.GetValueOrDefault("metadata[reference]") == reference);
    }

    [Fact]
    public async Task An_expired_checkout_is_followed_by_a_new_one_when_the_payment_is_started_again()
    {
        var bed = await fixture.GetAsync();
        var reference = NewReference();
        var first = await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));
        var session = SessionOf(reference);
        session["status"] = "expired";

        var response = await fixture.Stripe.PostAsync(
            Webhook(bed), StripeStandIn.Sign(fixture.Stripe.Event("checkout.session.expired", session), PaymentsBed.WebhookSecret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentState.Expired, (await PaymentsBed.PayAsync(bed, Production, p => p.FindAsync(reference, default)))!.State);
        Assert.Equal(1, await PaymentsBed.EventsAsync<PaymentExpiredIntegrationEvent>(bed, Production, reference));

        var second = await PaymentsBed.PayAsync(bed, Production, p => p.StartAsync(PaymentsBed.Order(reference), default));

        Assert.NotEqual(first.PaymentUrl, second.PaymentUrl);
        Assert.Equal(PaymentState.Open, second.Payment.State);
        var keys = fixture.Stripe.Requests.Where(r => r.Form.GetValueOrDefault("client_reference_id") == reference).Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(2, keys.Distinct().Count());
    }

    [Fact]
    public async Task A_production_environment_without_a_configured_gateway_says_so()
    {
        var bed = await fixture.GetAsync();
        var gateways = bed.App.Services.GetRequiredService<IPaymentGateways>();

        var refusal = Assert.Throws<PaymentGatewayException>(() => gateways.For(LineTestBed.OtherCityStaging.Tenant, "production"));

        Assert.Contains("設定されていません", refusal.Message, StringComparison.Ordinal);
    }

    private static string NewReference() => $"app-{Guid.NewGuid():N}";

    private static Uri Webhook(LineTestBed bed) => PaymentsBed.WebhookUrl(bed, Production);

    private JsonObject SessionOf(string reference) =>
        (JsonObject)fixture.Stripe.Sessions.Single(s => s["client_reference_id"]?.GetValue<string>() == reference).DeepClone();

    private string CompletedPayload(string reference)
    {
        var session = SessionOf(reference);
        session["payment_status"] = "paid";
        session["payment_intent"] = $"pi_{reference}";
        return fixture.Stripe.Event("checkout.session.completed", session);
    }
}

public sealed class SqliteStripePaymentTests(SqlitePaymentsBed fixture) : StripePaymentTests(fixture), IClassFixture<SqlitePaymentsBed>;

public sealed class PostgresStripePaymentTests(PostgresPaymentsBed fixture) : StripePaymentTests(fixture), IClassFixture<PostgresPaymentsBed>;
