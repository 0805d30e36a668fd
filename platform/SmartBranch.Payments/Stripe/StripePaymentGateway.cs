using Stripe;
using Stripe.Checkout;

namespace SmartBranch.Payments.Stripe;

/// <summary>
/// Stripe Checkout in yen: a hosted Checkout Session per payment (created with the request's idempotency key, so a
/// retry returns the same session), full refunds of its PaymentIntent, and webhooks read through
/// <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>, which checks the signature and
/// refuses events signed more than <see cref="WebhookTolerance"/> ago. The endpoint in Stripe's dashboard must send
/// events in Stripe.net's API version (<see cref="ApiVersion.Current"/>).
/// </summary>
public sealed class StripePaymentGateway(IStripeClient client, string webhookSecret, IReadOnlyList<string> methods, TimeProvider clock) : IPaymentGateway
{
    public const string GatewayName = "stripe";
    public const string ReferenceMetadataKey = "reference";

    /// <summary>How long a resident has to pay; Stripe accepts 30 minutes to 24 hours.</summary>
    public static readonly TimeSpan CheckoutLifetime = TimeSpan.FromHours(1);

    public static readonly TimeSpan WebhookTolerance = TimeSpan.FromMinutes(5);

    private const string Currency = "jpy";

    public string Name => GatewayName;

    public IReadOnlyList<string> Methods => methods;

    public string SignatureHeader => "Stripe-Signature";

    public async Task<PaymentCheckout> StartCheckoutAsync(PaymentCheckoutRequest request, CancellationToken cancellationToken)
    {
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            Currency = Currency,
            LineItems = request.Lines.Select(l => new SessionLineItemOptions
            {
                Quantity = l.Quantity,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = Currency,
                    UnitAmount = l.UnitAmountYen,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = l.Name },
                },
            }).ToList(),
            AllowedPaymentMethodTypes = request.Methods.ToList(),
            ClientReferenceId = request.Reference,
            Metadata = new Dictionary<string, string> { [ReferenceMetadataKey] = request.Reference },
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = new Dictionary<string, string> { [ReferenceMetadataKey] = request.Reference },
            },
            Locale = "ja",
            SuccessUrl = request.SuccessUrl.AbsoluteUri,
            CancelUrl = request.CancelUrl.AbsoluteUri,
            ExpiresAt = clock.GetUtcNow().Add(CheckoutLifetime).UtcDateTime,
        };
        var session = await CallAsync(
            () => new SessionService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken),
            "決済画面を開けませんでした");
        if (session.AmountTotal != request.TotalYen || string.IsNullOrEmpty(session.Url))
        {
            throw new PaymentGatewayException($"Stripe の決済画面 {session.Id} が依頼と合いません（金額 {session.AmountTotal} 円、依頼 {request.TotalYen} 円）。");
        }

        return new PaymentCheckout(session.Id, new Uri(session.Url), new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
    }

    public async Task<PaymentRefund> RefundAsync(PaymentRefundRequest request, CancellationToken cancellationToken)
    {
        var options = new RefundCreateOptions
        {
            PaymentIntent = request.PaymentId,
            Amount = request.AmountYen,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { [ReferenceMetadataKey] = request.Reference },
        };
        var refund = await CallAsync(
            () => new RefundService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken),
            "返金できませんでした");
        return new PaymentRefund(refund.Id, RefundStateOf(refund.Status) ?? PaymentRefundState.Pending);
    }

    public PaymentGatewayEvent ReadWebhook(string payload, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new PaymentWebhookRejectedException("The Stripe-Signature header is missing.");
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                payload, signatureHeader, webhookSecret, (long)WebhookTolerance.TotalSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
        }
        catch (StripeException e)
        {
            throw new PaymentWebhookRejectedException($"Stripe event refused: {e.Message}");
        }

        var occurredAt = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        return stripeEvent.Data.Object switch
        {
            Session { PaymentStatus: "paid" } session when stripeEvent.Type is EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded =>
                SessionEvent(stripeEvent.Id, PaymentEventKind.CheckoutCompleted, session, occurredAt),
            Session session when stripeEvent.Type == EventTypes.CheckoutSessionExpired =>
                SessionEvent(stripeEvent.Id, PaymentEventKind.CheckoutExpired, session, occurredAt),
            Refund refund when stripeEvent.Type is EventTypes.RefundCreated or EventTypes.RefundUpdated or EventTypes.RefundFailed
                && RefundStateOf(refund.Status) is { } state and not PaymentRefundState.Pending =>
                new PaymentGatewayEvent(
                    stripeEvent.Id,
                    state == PaymentRefundState.Succeeded ? PaymentEventKind.RefundSucceeded : PaymentEventKind.RefundFailed,
                    refund.Metadata?.GetValueOrDefault(ReferenceMetadataKey) ?? "",
                    CheckoutId: null,
                    refund.PaymentIntentId,
                    refund.Id,
                    refund.Amount,
                    occurredAt),
            _ => new PaymentGatewayEvent(stripeEvent.Id, PaymentEventKind.Other, "", null, null, null, 0, occurredAt),
        };
    }

    private static PaymentGatewayEvent SessionEvent(string eventId, PaymentEventKind kind, Session session, DateTimeOffset occurredAt) =>
        new(eventId, kind, session.ClientReferenceId ?? session.Metadata?.GetValueOrDefault(ReferenceMetadataKey) ?? "", session.Id, session.PaymentIntentId, null,
            session.AmountTotal ?? 0, occurredAt);

    private static PaymentRefundState? RefundStateOf(string? status) => status switch
    {
        "succeeded" => PaymentRefundState.Succeeded,
        "failed" or "canceled" => PaymentRefundState.Failed,
        "pending" or "requires_action" => PaymentRefundState.Pending,
        _ => null,
    };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, string failure)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            throw new PaymentGatewayException($"{failure}（Stripe: {e.StripeError?.Code ?? e.HttpStatusCode.ToString()}）。", e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentGatewayException($"{failure}（Stripe に接続できません）。", e);
        }
    }
}
