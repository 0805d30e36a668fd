using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.DataExport;

/// <summary>The Residents module's part of the tenant data export: every LINE friend of each environment, blocked ones included.</summary>
internal sealed class ResidentsDataExport(SmartBranchDbContext db) : ITenantDataExportContributor
{
    private static readonly ExportFile ResidentsFile = new("residents.csv", ExportFileFormat.Csv,
        "LINE 公式アカウントを友だち追加した住民（ブロック中を含む）。",
        "Residents who added the LINE Official Account as a friend, blocked ones included.",
        [
            new("id", "住民の内部 ID（他のファイルから参照されます）", "The resident's internal id (other files refer to it)"),
            new("line_user_id", "LINE のユーザー ID（このチャネルのプロバイダー内で一意）", "LINE user id (unique within the channel's provider)"),
            new("display_name", "LINE の表示名（最後に取得したもの）", "LINE display name, as last fetched"),
            new("status", "状態（friend は友だち、blocked はブロック中）", "Status: friend, or blocked"),
            new("language", "LINE の言語設定（例 ja）", "LINE language setting (e.g. ja)"),
            new("first_followed_at", "最初に友だち追加した日時", "When they first added the account"),
            new("followed_at", "最後に友だち追加した日時", "When they last added the account"),
            new("blocked_at", "ブロックした日時（ブロック中のみ）", "When they blocked the account (only while blocked)"),
            new("updated_at", "最後に更新した日時", "Last updated"),
        ]);

    public TenantDataExportPart Part { get; } = new(
        "residents", "residents",
        "住民", "Residents",
        "住民（LINE の友だち）の属性。",
        "Residents' attributes (the account's LINE friends).",
        TenantDataExportScope.Environment,
        [ResidentsFile]);

    public Task WriteAsync(ITenantDataExportWriter writer, CancellationToken cancellationToken)
    {
        var residents = db.Set<Resident>().AsNoTracking().OrderBy(r => r.FirstFollowedAt).ThenBy(r => r.Id).AsAsyncEnumerable();
        return writer.WriteCsvAsync(ResidentsFile, residents, r =>
        [
            r.Id.ToString(),
            r.LineUserId,
            r.DisplayName,
            r.Status == ResidentStatus.Friend ? "friend" : "blocked",
            r.Language,
            ExportValues.Time(r.FirstFollowedAt),
            ExportValues.Time(r.FollowedAt),
            ExportValues.Time(r.BlockedAt),
            ExportValues.Time(r.UpdatedAt),
        ], cancellationToken);
    }
}
