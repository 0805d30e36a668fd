using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Reports.Persistence;

internal sealed class ReportsModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ReportCaseConfiguration());
        modelBuilder.ApplyConfiguration(new ReportCaseEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ReportReceiptCounterConfiguration());
        modelBuilder.ApplyConfiguration(new ReportConversationConfiguration());
        modelBuilder.ApplyConfiguration(new ReportApiKeyConfiguration());
    }
}
