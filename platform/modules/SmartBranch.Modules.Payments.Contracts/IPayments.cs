namespace SmartBranch.Modules.Payments.Contracts;

/// <summary>
/// Online payment of a fee in the current tenant environment, one payment per reference (an application's id).
/// The outcome arrives later as <see cref="PaymentCompletedIntegrationEvent"/>, <see cref="PaymentExpiredIntegrationEvent"/>
/// or <see cref="PaymentRefundedIntegrationEvent"/>.
/// </summary>
public interface IPayments
{
    /// <summary>Opens (or returns the still-open) checkout for the reference: one payment per reference.</summary>
    /// <exception cref="PaymentUnavailableException">No gateway is configured, or the gateway refused or could not be reached.</exception>
    /// <exception cref="InvalidOperationException">The reference is already paid or refunded.</exception>
    Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken ct);

    Task<PaymentSummary?> FindAsync(string reference, CancellationToken ct);

    /// <summary>Refunds the reference's completed payment in full; idempotent; no-op result when nothing was paid.</summary>
    /// <param name="reason">Why, in Japanese, for the audit log and the gateway's records.</param>
    /// <exception cref="KeyNotFoundException">No payment was ever started for the reference.</exception>
    /// <exception cref="PaymentUnavailableException">The gateway refused or could not be reached.</exception>
    Task<PaymentSummary> RefundAsync(string reference, string reason, CancellationToken ct);
}

/// <param name="Reference">Our reference (an application's id); never personal data: gateways see it.</param>
/// <param name="SuccessUrl">Where the resident returns after paying.</param>
/// <param name="CancelUrl">Where the resident returns after cancelling.</param>
public sealed record PaymentOrder(string Reference, IReadOnlyList<PaymentOrderLine> Lines, Uri SuccessUrl, Uri CancelUrl)
{
    public long TotalYen => Lines.Sum(l => l.UnitAmountYen * l.Quantity);
}

/// <param name="Name">What is paid for, as the resident reads it on the checkout page (住民票の写し).</param>
public sealed record PaymentOrderLine(string Name, long UnitAmountYen, int Quantity);

/// <param name="PaymentUrl">The gateway's hosted checkout to send the resident to.</param>
public sealed record PaymentStart(Uri PaymentUrl, PaymentSummary Payment);

/// <param name="Gateway">The gateway's name (<c>stripe</c>, <c>sandbox</c>).</param>
public sealed record PaymentSummary(
    string Reference,
    string Gateway,
    long AmountYen,
    PaymentState State,
    DateTimeOffset? PaidAt,
    DateTimeOffset? RefundedAt);

public enum PaymentState
{
    Open,
    Paid,
    Expired,
    RefundPending,
    Refunded,
    RefundFailed,
}

/// <summary>Payment cannot be taken now; the message is Japanese, for residents and staff.</summary>
public sealed class PaymentUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
