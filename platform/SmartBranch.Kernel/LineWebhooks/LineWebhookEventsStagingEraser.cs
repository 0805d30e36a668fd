using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>
/// The webhook events trainees' simulated residents sent (their messages, follows, postbacks). Events still
/// waiting are kept: the processor owns them and would otherwise lose a follow that arrived during the reset.
/// </summary>
internal sealed class LineWebhookEventsStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new([typeof(LineWebhookEventRecord)], [], []);

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var count = await db.LineWebhookEvents.Where(e => e.State != LineWebhookEventState.Pending).ExecuteDeleteAsync(cancellationToken);
        return [new ErasedRows("LINE から届いたイベント", "Events from LINE", count)];
    }
}
