using SmartBranch.Modules.Payments.Features.Reconciliation;
using SmartBranch.Portal.Modules.Payments;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Answers every period with <see cref="Period"/>'s contents; records the periods asked for.</summary>
internal sealed class FakePaymentsDesk : IPaymentsDesk
{
    public PaymentPeriod Period { get; set; } = new(DateTimeOffset.MinValue, DateTimeOffset.MinValue, [], [], []);

    public List<(DateTimeOffset From, DateTimeOffset Until)> Asked { get; } = [];

    public Task<PaymentPeriod> ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Asked.Add((from, until));
        return Task.FromResult(Period with { From = from, Until = until });
    }
}
