using SmartBranch.Modules.Payments.Features.Reconciliation;

namespace SmartBranch.Portal.Modules.Payments;

/// <summary>
/// What the payments screen asks of the Payments module, which checks <c>payments.view</c> and audits the reading
/// (<see cref="UnauthorizedAccessException"/> without it, <see cref="ArgumentException"/> in Japanese for a period
/// out of bounds). Component tests replace it.
/// </summary>
public interface IPaymentsDesk
{
    /// <param name="from">The period's start (inclusive), UTC.</param>
    /// <param name="until">Its end (exclusive), UTC.</param>
    Task<PaymentPeriod> ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

internal sealed class PaymentsDesk(PaymentReconciliation reconciliation) : IPaymentsDesk
{
    public Task<PaymentPeriod> ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        reconciliation.ListAsync(from, until, cancellationToken);
}
