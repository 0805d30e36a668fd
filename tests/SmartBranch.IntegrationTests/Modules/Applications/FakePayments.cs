using System.Collections.Concurrent;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.IntegrationTests.Modules.Applications;

/// <summary>
/// The Payments module as the Applications module calls it: one checkout per reference, opened again after it
/// expired; a reference is paid once the test says so (<see cref="Paid(string)"/>, as the gateway's event would);
/// refunds of paid references are recorded, and refused while <see cref="RefuseRefunds"/> is set.
/// </summary>
internal sealed class FakePayments : IPayments
{
    private static readonly DateTimeOffset PaidAt = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<PaymentOrder> _orders = new();
    private readonly ConcurrentDictionary<string, PaymentSummary> _payments = new();

    public ConcurrentQueue<(string Reference, string Reason)> Refunds { get; } = new();

    public bool RefuseRefunds { get; set; }

    public IReadOnlyList<PaymentOrder> OrdersFor(Guid applicationId) => _orders.Where(o => o.Reference == applicationId.ToString()).ToList();

    /// <summary>The reference's open checkout is paid.</summary>
    public void Paid(string reference) => _payments[reference] = _payments[reference] with { State = PaymentState.Paid, PaidAt = PaidAt };

    /// <summary>The reference was paid with no checkout seen here (an application put straight into the database).</summary>
    public void Paid(string reference, long amountYen) => _payments[reference] = new(reference, "fake", amountYen, PaymentState.Paid, PaidAt, null);

    public Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken ct)
    {
        if (_payments.TryGetValue(order.Reference, out var payment) && payment.State == PaymentState.Paid)
        {
            throw new InvalidOperationException("The reference is already paid.");
        }

        _orders.Enqueue(order);
        var open = new PaymentSummary(order.Reference, "fake", order.TotalYen, PaymentState.Open, null, null);
        _payments[order.Reference] = open;
        return Task.FromResult(new PaymentStart(new Uri($"https://pay.example/checkout/{order.Reference}"), open));
    }

    public Task<PaymentSummary?> FindAsync(string reference, CancellationToken ct) => Task.FromResult(_payments.GetValueOrDefault(reference));

    public Task<PaymentSummary> RefundAsync(string reference, string reason, CancellationToken ct)
    {
        if (RefuseRefunds)
        {
            throw new PaymentUnavailableException("決済サービスに接続できませんでした。しばらくしてからもう一度お試しください。");
        }

        if (!_payments.TryGetValue(reference, out var payment))
        {
            throw new KeyNotFoundException($"No payment was started for {reference}.");
        }

        Refunds.Enqueue((reference, reason));
        return Task.FromResult(_payments[reference] = payment with { State = PaymentState.RefundPending });
    }
}
