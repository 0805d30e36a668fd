using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.ImportFiles;
using SmartBranch.Modules.RichMenus.Features.LinkResidents;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Modules.RichMenus.TrainingReset;

/// <summary>
/// Only the menus staff linked to single residents, who are gone. The menus, their publications, segment
/// assignments and disaster mode are configuration. Link runs stay too: runs of an environment go one at a time
/// in order, and erasing one a worker is carrying out would break that order.
/// </summary>
internal sealed class RichMenusStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(RichMenuResidentLink)],
        Definitions: [],
        Configuration:
        [
            typeof(RichMenu), typeof(RichMenuFileImport), typeof(RichMenuSegmentAssignment), typeof(RichMenuPublication),
            typeof(RichMenuPromotionLink), typeof(DisasterModeState), typeof(RichMenuLinkRun),
        ]);

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var links = await db.Set<RichMenuResidentLink>().ExecuteDeleteAsync(cancellationToken);
        return [new ErasedRows("住民ごとのリッチメニュー", "Rich menus linked to single residents", links)];
    }
}
