using System.Collections.Concurrent;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.IntegrationTests.Modules.Applications;

/// <summary>The Payments module as the Applications module calls it: one checkout per reference, opened again after it expired.</summary>
internal sealed class FakePayments : IPayments
{
    private readonly ConcurrentQueue<PaymentOrder> _orders = new();
    private readonly ConcurrentDictionary<string, PaymentState> _states = new();

    public IReadOnlyList<PaymentOrder> OrdersFor(Guid applicationId) => _orders.Where(o => o.Reference == applicationId.ToString()).ToList();

    public void Paid(string reference) => _states[reference] = PaymentState.Paid;

    public Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken ct)
    {
        if (_states.TryGetValue(order.Reference, out var state) && state == PaymentState.Paid)
        {
            throw new InvalidOperationException("The reference is already paid.");
        }

        _orders.Enqueue(order);
        _states[order.Reference] = PaymentState.Open;
        return Task.FromResult(new PaymentStart(new Uri($"https://pay.example/checkout/{order.Reference}"), Summary(order.Reference, order.TotalYen)));
    }

    public Task<PaymentSummary?> FindAsync(string reference, CancellationToken ct) =>
        Task.FromResult(_states.ContainsKey(reference) ? Summary(reference, _orders.Last(o => o.Reference == reference).TotalYen) : null);

    public Task<PaymentSummary> RefundAsync(string reference, string reason, CancellationToken ct) =>
        throw new NotSupportedException("The resident's flow never refunds.");

    private PaymentSummary Summary(string reference, long amount) => new(reference, "fake", amount, _states[reference], null, null);
}
