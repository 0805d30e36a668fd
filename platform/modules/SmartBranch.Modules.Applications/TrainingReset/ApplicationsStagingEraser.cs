using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.TrainingReset;

/// <summary>Applications with their history and the receipt-number counters (numbers start again at 1); the fees set in the portal stay.</summary>
internal sealed class ApplicationsStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(ApplicationHistoryEntry), typeof(ResidentApplication), typeof(ApplicationReceiptCounter)],
        Definitions: [],
        Configuration: [typeof(ApplicationFeeOverride)]);

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var history = await db.Set<ApplicationHistoryEntry>().ExecuteDeleteAsync(cancellationToken);
        var applications = await db.Set<ResidentApplication>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ApplicationReceiptCounter>().ExecuteDeleteAsync(cancellationToken);
        return
        [
            new ErasedRows("申請", "Applications", applications),
            new ErasedRows("申請の経過", "Application history", history),
        ];
    }
}
