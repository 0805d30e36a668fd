namespace SmartBranch.Payments;

/// <summary>
/// A payment gateway: a hosted checkout the resident is sent to, refunds, and the gateway's signed events that tell us
/// what happened. Stripe (cards, PayPay) and the built-in sandbox implement it; no gateway is hard-wired.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The gateway's name as stored with payment records (<c>stripe</c>, <c>sandbox</c>).</summary>
    string Name { get; }

    /// <summary>The payment methods the environment offers (<see cref="PaymentMethods"/>), for <see cref="PaymentCheckoutRequest.Methods"/>.</summary>
    IReadOnlyList<string> Methods { get; }

    /// <summary>The HTTP header the gateway's webhooks carry their signature in, for <see cref="ReadWebhook"/>.</summary>
    string SignatureHeader { get; }

    /// <summary>Opens a checkout; the same <see cref="PaymentCheckoutRequest.IdempotencyKey"/> never opens a second one.</summary>
    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    Task<PaymentCheckout> StartCheckoutAsync(PaymentCheckoutRequest request, CancellationToken cancellationToken);

    /// <exception cref="PaymentGatewayException">The gateway refused or could not be reached.</exception>
    Task<PaymentRefund> RefundAsync(PaymentRefundRequest request, CancellationToken cancellationToken);

    /// <summary>Reads an event the gateway posted to our webhook, after checking its signature and age.</summary>
    /// <exception cref="PaymentWebhookRejectedException">The signature is missing or wrong, or the event is too old (a replay).</exception>
    PaymentGatewayEvent ReadWebhook(string payload, string? signatureHeader);
}

/// <param name="IdempotencyKey">One per application payment: a retry opens no second checkout.</param>
/// <param name="Reference">Our reference (an application's id), echoed in the gateway's events; never personal data.</param>
/// <param name="Methods">The payment methods offered (<see cref="PaymentMethods"/>).</param>
public sealed record PaymentCheckoutRequest(
    string IdempotencyKey,
    string Reference,
    IReadOnlyList<PaymentLineItem> Lines,
    IReadOnlyList<string> Methods,
    Uri SuccessUrl,
    Uri CancelUrl)
{
    public long TotalYen => Lines.Sum(l => l.UnitAmountYen * l.Quantity);
}

public sealed record PaymentLineItem(string Name, long UnitAmountYen, int Quantity);

public static class PaymentMethods
{
    public const string Card = "card";
    public const string PayPay = "paypay";
}

/// <param name="CheckoutId">The gateway's checkout (Stripe: the Checkout Session id).</param>
public sealed record PaymentCheckout(string CheckoutId, Uri PaymentUrl, DateTimeOffset ExpiresAt);

/// <param name="PaymentId">The gateway's payment (Stripe: the PaymentIntent id) from the completed checkout.</param>
public sealed record PaymentRefundRequest(string IdempotencyKey, string PaymentId, long AmountYen, string Reference);

public sealed record PaymentRefund(string RefundId, PaymentRefundState State);

public enum PaymentRefundState
{
    Pending,
    Succeeded,
    Failed,
}

/// <param name="EventId">The gateway's event id: an event already handled is ignored.</param>
/// <param name="Reference">Our <see cref="PaymentCheckoutRequest.Reference"/>.</param>
public sealed record PaymentGatewayEvent(
    string EventId,
    PaymentEventKind Kind,
    string Reference,
    string? CheckoutId,
    string? PaymentId,
    string? RefundId,
    long AmountYen,
    DateTimeOffset OccurredAt);

public enum PaymentEventKind
{
    CheckoutCompleted,
    CheckoutExpired,
    RefundSucceeded,
    RefundFailed,

    /// <summary>An event type we do not act on; acknowledged and ignored.</summary>
    Other,
}

public sealed class PaymentGatewayException(string message, Exception? innerException = null) : Exception(message, innerException);

public sealed class PaymentWebhookRejectedException(string message) : Exception(message);
