using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Payments.Domain;

namespace SmartBranch.Modules.Payments.TrainingReset;

/// <summary>Payments made in the sandbox, their refunds, the provider's notifications and the reconciliation findings.</summary>
internal sealed class PaymentsStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(PaymentRefundRecord), typeof(PaymentDiscrepancy), typeof(PaymentWebhookEvent), typeof(Payment)],
        Definitions: [],
        Configuration: []);

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var refunds = await db.Set<PaymentRefundRecord>().ExecuteDeleteAsync(cancellationToken);
        var discrepancies = await db.Set<PaymentDiscrepancy>().ExecuteDeleteAsync(cancellationToken);
        var notifications = await db.Set<PaymentWebhookEvent>().ExecuteDeleteAsync(cancellationToken);
        var payments = await db.Set<Payment>().ExecuteDeleteAsync(cancellationToken);
        return
        [
            new ErasedRows("支払", "Payments", payments),
            new ErasedRows("返金", "Refunds", refunds),
            new ErasedRows("決済事業者からの通知", "Notifications from the payment provider", notifications),
            new ErasedRows("照合で見つかった差異", "Reconciliation discrepancies", discrepancies),
        ];
    }
}
