using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Applications.Persistence;

internal sealed class ApplicationsModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ResidentApplicationConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationHistoryEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationReceiptCounterConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationFeeOverrideConfiguration());
    }
}
