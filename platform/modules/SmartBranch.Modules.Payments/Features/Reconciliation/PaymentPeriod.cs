using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.Features.Reconciliation;

/// <param name="Module">The module that started the payment (<c>applications</c>).</param>
/// <param name="Label">What the payment is there (an application's receipt number).</param>
/// <param name="ItemId">What it paid for, by its id in the module (the application's).</param>
public sealed record PaymentPurpose(string Module, string Label, string ItemId);

/// <param name="GatewayPaymentId">The gateway's payment (Stripe: the PaymentIntent), to find it in the gateway's dashboard.</param>
public sealed record ReconciledPayment(
    string Reference, string Gateway, long AmountYen, PaymentState State, string? CheckoutId, string? GatewayPaymentId,
    DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, DateTimeOffset? RefundedAt)
{
    public PaymentPurpose? Purpose { get; init; }
}

public sealed record ReconciledRefund(
    string Reference, string Gateway, long AmountYen, PaymentRefundStatus Status, string? GatewayRefundId, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt)
{
    public PaymentPurpose? Purpose { get; init; }
}

/// <summary>A gateway event that did not match our record; <see cref="Detail"/> says what differs.</summary>
/// <param name="ExpectedAmountYen">Our record's amount (0 when the reference is unknown).</param>
/// <param name="ReportedAmountYen">The amount the gateway reported.</param>
public sealed record ReconciledDiscrepancy(
    string Reference, string Gateway, string EventId, long ExpectedAmountYen, long ReportedAmountYen, string Detail, DateTimeOffset DetectedAt)
{
    public PaymentPurpose? Purpose { get; init; }

    public bool AmountsDiffer => ExpectedAmountYen != ReportedAmountYen;
}

/// <summary>One gateway's (payment method's) part of a period.</summary>
/// <param name="RefundsOpenCount">Refunds asked for in the period that have not succeeded (waiting for the gateway, or failed).</param>
public sealed record PaymentMethodTotals(
    string Gateway, int PaidCount, long PaidYen, int RefundedCount, long RefundedYen, int RefundsOpenCount, int DiscrepancyCount);

/// <summary>
/// A period's payments (paid in it), refunds (asked for in it) and discrepancies (detected in it) of the current tenant
/// environment, between <see cref="From"/> (inclusive) and <see cref="Until"/> (exclusive), UTC.
/// </summary>
public sealed record PaymentPeriod(
    DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<ReconciledPayment> Payments, IReadOnlyList<ReconciledRefund> Refunds,
    IReadOnlyList<ReconciledDiscrepancy> Discrepancies)
{
    public long PaidYen => Payments.Where(p => p.PaidAt is not null).Sum(p => p.AmountYen);

    public long RefundedYen => Refunds.Where(r => r.Status == PaymentRefundStatus.Succeeded).Sum(r => r.AmountYen);

    /// <summary>Per gateway, in name order.</summary>
    public IReadOnlyList<PaymentMethodTotals> Totals =>
    [
        .. Payments.Select(p => p.Gateway).Concat(Refunds.Select(r => r.Gateway)).Concat(Discrepancies.Select(d => d.Gateway))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(gateway =>
            {
                var paid = Payments.Where(p => p.Gateway == gateway && p.PaidAt is not null).ToList();
                var refunds = Refunds.Where(r => r.Gateway == gateway).ToList();
                var refunded = refunds.Where(r => r.Status == PaymentRefundStatus.Succeeded).ToList();
                return new PaymentMethodTotals(
                    gateway, paid.Count, paid.Sum(p => p.AmountYen), refunded.Count, refunded.Sum(r => r.AmountYen), refunds.Count - refunded.Count,
                    Discrepancies.Count(d => d.Gateway == gateway));
            }),
    ];

    public IReadOnlyList<ReconciledDiscrepancy> DiscrepanciesOf(string reference) => [.. Discrepancies.Where(d => d.Reference == reference)];
}
