using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Audit;

/// <summary>
/// The kernel's part <c>audit-log</c>: the tenant's whole chain in order, hashes included, so the
/// city can verify it elsewhere (docs/data-export.md gives the hash's recipe).
/// </summary>
internal sealed class AuditLogDataExport(SmartBranchDbContext db) : ITenantDataExportContributor
{
    private static readonly ExportFile AuditLogFile = new("audit-log.csv", ExportFileFormat.Csv,
        "監査ログの全件（古い順）。各行の hash は、その行の内容と前の行の hash から計算した SHA-256 です。",
        "Every audit log entry, oldest first. Each row's hash is a SHA-256 over its content and the previous row's hash.",
        [
            new("sequence", "チェーン内の通し番号（1 から）", "Number in the chain, from 1"),
            new("occurred_at", "日時（UTC）", "When (UTC)"),
            new("environment", "環境（production / staging、自治体全体の操作は空欄）", "Environment (production / staging; empty for tenant-wide actions)"),
            new("actor_kind", "操作者の種別（Staff は職員、Operator は運用事業者、System はシステム）", "Who acted: Staff, Operator (the vendor) or System"),
            new("actor_user_id", "操作者のアカウント ID", "The actor's account id"),
            new("actor_display_name", "操作者の表示名", "The actor's display name"),
            new("action", "操作（例 residents.profile.viewed）", "The action (e.g. residents.profile.viewed)"),
            new("target_type", "対象の種類", "What was acted on"),
            new("target_id", "対象の ID", "Its id"),
            new("summary", "内容", "Summary"),
            new("touches_personal_data", "個人情報の閲覧・出力なら true", "true for a view or export of personal data"),
            new("client_ip", "接続元 IP アドレス", "Client IP address"),
            new("previous_hash", "前の行の hash（1 行目は 0 が 64 個）", "The previous row's hash (64 zeros for the first)"),
            new("hash", "この行の SHA-256（16 進数）", "This row's SHA-256 (hex)"),
        ]);

    public TenantDataExportPart Part { get; } = new(
        "audit-log", "kernel",
        "監査ログ", "Audit log",
        "職員と運用事業者の操作、個人情報の閲覧・出力の記録。改ざんがあれば hash のつながりが切れます。",
        "Staff and operator actions and every view or export of personal data; any alteration breaks the chain of hashes.",
        TenantDataExportScope.Tenant,
        [AuditLogFile]);

    public Task WriteAsync(ITenantDataExportWriter writer, CancellationToken cancellationToken)
    {
        var chain = AuditChains.For(writer.TenantSlug);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        return writer.WriteCsvAsync(AuditLogFile, entries, e =>
        [
            ExportValues.Number(e.Sequence),
            ExportValues.Time(e.OccurredAt),
            e.EnvironmentName,
            e.ActorKind.ToString(),
            e.ActorUserId,
            e.ActorDisplayName,
            e.Action,
            e.TargetType,
            e.TargetId,
            e.Summary,
            ExportValues.Boolean(e.TouchesPersonalData),
            e.ClientIp,
            e.PreviousHash,
            e.Hash,
        ], cancellationToken);
    }
}
