using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Payments.Persistence;

internal sealed class PaymentsModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new PaymentConfiguration());
        modelBuilder.ApplyConfiguration(new PaymentRefundRecordConfiguration());
        modelBuilder.ApplyConfiguration(new PaymentWebhookEventConfiguration());
        modelBuilder.ApplyConfiguration(new PaymentDiscrepancyConfiguration());
    }
}
