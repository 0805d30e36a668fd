using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments.Editing;

namespace SmartBranch.Modules.Residents.TrainingReset;

/// <summary>The residents trainees created in the simulator, with their preferences, consents and history; the segment catalogue stays.</summary>
internal sealed class ResidentsStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(ResidentAttributeValue), typeof(ResidentHistoryEntry), typeof(Resident)],
        Definitions: [],
        Configuration: [typeof(SegmentCatalogVersion)]);

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var preferences = await db.Set<ResidentAttributeValue>().ExecuteDeleteAsync(cancellationToken);
        var history = await db.Set<ResidentHistoryEntry>().ExecuteDeleteAsync(cancellationToken);
        var residents = await db.Set<Resident>().ExecuteDeleteAsync(cancellationToken);
        return
        [
            new ErasedRows("住民（友だち）", "Residents (friends)", residents),
            new ErasedRows("住民の受信設定", "Residents' preferences", preferences),
            new ErasedRows("住民の同意と設定の履歴", "Residents' consent and preference history", history),
        ];
    }
}
