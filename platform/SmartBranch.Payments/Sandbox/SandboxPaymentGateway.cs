using System.Text.Json;

namespace SmartBranch.Payments.Sandbox;

/// <summary>
/// A gateway for staging and trials that takes no money: its checkout is a page of this server
/// (<see cref="SandboxCheckoutEndpoints"/>) paid with a test card or test PayPay, which posts a signed event to the
/// environment's webhook exactly as Stripe would, so signature checks, replays and reconciliation run as in production.
/// Refunds succeed a moment later with an event of their own.
/// </summary>
/// <param name="signingKey">The environment's key for webhook signatures.</param>
/// <param name="checkoutPage">The checkout page of this environment (the checkout's id and token are appended).</param>
/// <param name="webhookUrl">The environment's payment webhook.</param>
public sealed class SandboxPaymentGateway(
    string tenantSlug,
    string environmentName,
    byte[] signingKey,
    IReadOnlyList<string> methods,
    Uri checkoutPage,
    Uri webhookUrl,
    SandboxCheckoutTokens tokens,
    SandboxWebhookPoster poster,
    TimeProvider clock) : IPaymentGateway
{
    public const string GatewayName = "sandbox";

    public static readonly TimeSpan CheckoutLifetime = TimeSpan.FromHours(1);

    public string Name => GatewayName;

    public IReadOnlyList<string> Methods => methods;

    public string SignatureHeader => SandboxSignature.HeaderName;

    public Task<PaymentCheckout> StartCheckoutAsync(PaymentCheckoutRequest request, CancellationToken cancellationToken)
    {
        var checkout = new SandboxCheckout(
            SandboxCheckout.DerivedId("sbx_cs_", $"{tenantSlug}/{environmentName}/{request.IdempotencyKey}"),
            tenantSlug,
            environmentName,
            request.Reference,
            request.Lines,
            request.Methods,
            request.SuccessUrl,
            request.CancelUrl,
            clock.GetUtcNow().Add(CheckoutLifetime));
        var url = new Uri($"{checkoutPage.AbsoluteUri.TrimEnd('/')}/{checkout.Id}?{SandboxCheckoutEndpoints.TokenField}={Uri.EscapeDataString(tokens.Protect(checkout))}");
        return Task.FromResult(new PaymentCheckout(checkout.Id, url, checkout.ExpiresAt));
    }

    public Task<PaymentRefund> RefundAsync(PaymentRefundRequest request, CancellationToken cancellationToken)
    {
        var refundId = SandboxCheckout.DerivedId("sbx_re_", $"{tenantSlug}/{environmentName}/{request.IdempotencyKey}");
        var refunded = new SandboxEvent(
            SandboxCheckout.DerivedId("sbx_evt_", refundId), SandboxEvent.RefundSucceeded, clock.GetUtcNow().ToUnixTimeSeconds(), request.Reference, null,
            request.PaymentId, refundId, request.AmountYen);
        poster.PostLater(webhookUrl, signingKey, refunded);
        return Task.FromResult(new PaymentRefund(refundId, PaymentRefundState.Pending));
    }

    /// <summary>Tells the webhook that the checkout was paid; the event's id is the checkout's, so a second press is a replay.</summary>
    public Task<bool> CompleteAsync(SandboxCheckout checkout, CancellationToken cancellationToken)
    {
        var completed = new SandboxEvent(
            SandboxCheckout.DerivedId("sbx_evt_", checkout.Id), SandboxEvent.CheckoutCompleted, clock.GetUtcNow().ToUnixTimeSeconds(), checkout.Reference,
            checkout.Id, checkout.PaymentId, null, checkout.TotalYen);
        return poster.PostAsync(webhookUrl, signingKey, completed, cancellationToken);
    }

    public PaymentGatewayEvent ReadWebhook(string payload, string? signatureHeader)
    {
        SandboxSignature.Verify(signingKey, payload, signatureHeader, clock.GetUtcNow());
        SandboxEvent? sandboxEvent;
        try
        {
            sandboxEvent = JsonSerializer.Deserialize<SandboxEvent>(payload, SandboxEvent.SerializerOptions);
        }
        catch (JsonException)
        {
            sandboxEvent = null;
        }

        if (sandboxEvent is null || string.IsNullOrEmpty(sandboxEvent.Id))
        {
            throw new PaymentWebhookRejectedException("The sandbox event is not readable.");
        }

        var kind = sandboxEvent.Type switch
        {
            SandboxEvent.CheckoutCompleted => PaymentEventKind.CheckoutCompleted,
            SandboxEvent.RefundSucceeded => PaymentEventKind.RefundSucceeded,
            _ => PaymentEventKind.Other,
        };
        return new PaymentGatewayEvent(
            sandboxEvent.Id, kind, sandboxEvent.Reference ?? "", sandboxEvent.CheckoutId, sandboxEvent.PaymentId, sandboxEvent.RefundId, sandboxEvent.Amount,
            DateTimeOffset.FromUnixTimeSeconds(sandboxEvent.Created));
    }
}
