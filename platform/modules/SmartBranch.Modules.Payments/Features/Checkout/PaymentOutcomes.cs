using SmartBranch.Kernel.Outbox;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.Features.Checkout;

/// <summary>
/// What a payment's outcome changes, wherever it is learnt (the webhook, a gateway's immediate answer, a checkout found
/// expired): the record, and its integration event in the same unit of work, added only when the state really moved.
/// </summary>
internal sealed class PaymentOutcomes(IOutbox outbox)
{
    public void Paid(Payment payment, string gatewayPaymentId, string checkoutId, DateTimeOffset at)
    {
        if (payment.MarkPaid(gatewayPaymentId, checkoutId, at))
        {
            outbox.Add(new PaymentCompletedIntegrationEvent(payment.Reference, payment.AmountYen, payment.Gateway));
        }
    }

    public void Expired(Payment payment, string? checkoutId, DateTimeOffset at)
    {
        if (payment.MarkExpired(checkoutId, at))
        {
            outbox.Add(new PaymentExpiredIntegrationEvent(payment.Reference));
        }
    }

    public void Refunded(Payment payment, PaymentRefundRecord refund, bool succeeded, string? gatewayRefundId, DateTimeOffset at)
    {
        refund.Completed(succeeded, gatewayRefundId, at);
        if (!succeeded)
        {
            payment.MarkRefundFailed();
        }
        else if (payment.MarkRefunded(at))
        {
            outbox.Add(new PaymentRefundedIntegrationEvent(payment.Reference, payment.AmountYen));
        }
    }
}
