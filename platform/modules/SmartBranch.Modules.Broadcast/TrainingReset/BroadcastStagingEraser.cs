using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.TrainingReset;

/// <summary>
/// Deliveries (with their schedules, which they carry), their send runs and batches, and the test-send accounts
/// trainees linked from simulated residents; the environment's broadcast settings stay.
/// </summary>
internal sealed class BroadcastStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(BroadcastBatch), typeof(BroadcastRun), typeof(BroadcastDelivery), typeof(BroadcastTestAccountCode), typeof(BroadcastTestAccount)],
        Definitions: [],
        Configuration: [typeof(BroadcastSettings)]);

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var batches = await db.Set<BroadcastBatch>().ExecuteDeleteAsync(cancellationToken);
        var runs = await db.Set<BroadcastRun>().ExecuteDeleteAsync(cancellationToken);
        var deliveries = await db.Set<BroadcastDelivery>().ExecuteDeleteAsync(cancellationToken);
        var codes = await db.Set<BroadcastTestAccountCode>().ExecuteDeleteAsync(cancellationToken);
        var testAccounts = await db.Set<BroadcastTestAccount>().ExecuteDeleteAsync(cancellationToken);
        return
        [
            new ErasedRows("配信", "Deliveries", deliveries),
            new ErasedRows("配信の送信", "Delivery sends", runs),
            new ErasedRows("配信の送信の区切り", "Delivery send batches", batches),
            new ErasedRows("テスト送信先", "Test-send recipients", testAccounts),
            new ErasedRows("テスト送信先の登録コード", "Test-send registration codes", codes),
        ];
    }
}
