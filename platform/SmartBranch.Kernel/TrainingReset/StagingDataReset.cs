using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.TrainingReset;

internal sealed class StagingDataReset(
    ICurrentStaff staff,
    ITenantCatalog catalog,
    ITenantScopeFactory tenantScopes,
    EmulatorFriends emulatorFriends,
    StagingMediaFiles mediaFiles,
    AuditLog auditLog) : IStagingDataReset
{
    public const string AuditAction = "tenant.staging_reset";

    private const string MediaFilesNameJa = "写真・画像ファイル";

    public async Task<StagingResetResult> ResetAsync(
        string tenantSlug, string environmentName, StagingResetOptions options, string reason, CancellationToken cancellationToken)
    {
        if (!staff.IsOperator)
        {
            throw new StagingResetException("研修データのリセットは、運用事業者だけが行えます。");
        }

        var tenant = catalog.Find(tenantSlug) ?? throw new StagingResetException("自治体が見つかりません。");
        var environment = tenant.FindEnvironment(environmentName)
            ?? throw new StagingResetException($"{tenant.Name}には「{environmentName}」の環境がありません。");
        if (environment.IsProduction)
        {
            throw new StagingResetException("本番環境のデータは消せません。研修データのリセットは、ステージング環境だけに行えます。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new StagingResetException("リセットの理由を入力してください（例：12 月 1 日の職員研修の準備）。");
        }

        await using var scope = tenantScopes.CreateScope(tenant.Slug, environment.Name);
        var (erased, media) = await EraseAsync(scope.ServiceProvider, options, cancellationToken);
        var files = await mediaFiles.DeleteAsync(tenant.Slug, environment.Name, media, cancellationToken);
        var demoResidents = await scope.ServiceProvider.GetRequiredService<IStagingDemoResidents>().CreateAsync(cancellationToken);
        bool? friendsInEmulator = environment.Line.Mode == LineMode.Emulator
            ? await emulatorFriends.AddAsync(environment.Line, demoResidents, cancellationToken)
            : null;

        await auditLog.RecordForTenantAsync(tenant.Slug, new AuditRecord(
            AuditAction, "tenant", tenant.Slug, Summary(environment.Name, erased, files, demoResidents.Count, options, reason.Trim())), cancellationToken);
        return new StagingResetResult(erased, demoResidents.Count, friendsInEmulator, files);
    }

    /// <summary>
    /// Every module's erase in one transaction: a failure leaves the environment as it was. The media files of the
    /// rows are found first, before any module deletes, and returned to be deleted after the commit.
    /// </summary>
    private static async Task<(List<ErasedRows> Rows, List<ErasedMedia> Media)> EraseAsync(
        IServiceProvider services, StagingResetOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SmartBranchDbContext>();
        var erasers = services.GetServices<IStagingDataEraser>().ToList();
        var erased = new List<ErasedRows>();
        var media = new List<ErasedMedia>();
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var eraser in erasers)
            {
                media.AddRange(await eraser.FindMediaAsync(options, cancellationToken));
            }

            foreach (var eraser in erasers)
            {
                erased.AddRange(await eraser.EraseAsync(options, cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return (erased, media);
    }

    private static string Summary(
        string environmentName, List<ErasedRows> erased, DeletedMediaFiles files, int demoResidents, StagingResetOptions options, string reason)
    {
        var counts = string.Join("、", erased.Select(e => (e.NameJa, e.Count))
            .Append((NameJa: MediaFilesNameJa, Count: files.Deleted))
            .Append((NameJa: "消せなかった" + MediaFilesNameJa, Count: files.Left))
            .Where(e => e.Count > 0)
            .Select(e => $"{e.NameJa} {e.Count} 件"));
        var definitions = options.EraseDefinitions ? "アンケートの定義も消去" : "アンケートの定義は保持";
        return $"研修データをリセットしました（環境: {environmentName}／消去: {(counts.Length == 0 ? "なし" : counts)}／{definitions}／"
            + $"デモ住民 {demoResidents} 人を作成）。理由: {reason}";
    }
}
