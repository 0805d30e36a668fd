using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.EndToEndTests.Infrastructure;

/// <summary>
/// Stands in for the Payments module while the server is built without it: no payment is known and none can be
/// started or refunded. Registered only when the server has no <see cref="IPayments"/> of its own.
/// </summary>
internal sealed class NoPayments : IPayments
{
    public Task<PaymentStart> StartAsync(PaymentOrder order, CancellationToken ct) =>
        throw new PaymentUnavailableException("このサーバーでは支払を受け付けていません。");

    public Task<PaymentSummary?> FindAsync(string reference, CancellationToken ct) => Task.FromResult<PaymentSummary?>(null);

    public Task<PaymentSummary> RefundAsync(string reference, string reason, CancellationToken ct) =>
        throw new KeyNotFoundException($"No payment was started for {reference}.");
}
