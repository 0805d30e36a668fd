using System.Globalization;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;

namespace SmartBranch.Kernel.Audit;

/// <summary>Audit entries as RFC 4180 CSV in UTF-8 with a BOM, so that Excel opens the Japanese text as it is.</summary>
internal static class AuditCsv
{
    private static readonly string[] Header =
        ["番号", "日時(UTC)", "環境", "操作者の種別", "操作者ID", "操作者", "操作", "対象の種類", "対象ID", "内容", "個人情報", "接続元IP"];

    /// <returns>How many entries were written.</returns>
    public static async Task<int> WriteAsync(IAsyncEnumerable<AuditEntryView> entries, Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var writer = new StreamWriter(output, CsvFormat.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        writer.NewLine = CsvFormat.NewLine;
        await WriteRowAsync(writer, Header);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await WriteRowAsync(writer,
            [
                entry.Sequence.ToString(CultureInfo.InvariantCulture),
                entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                entry.EnvironmentName,
                KindName(entry.ActorKind),
                entry.ActorUserId,
                entry.ActorDisplayName,
                entry.Action,
                entry.TargetType,
                entry.TargetId,
                entry.Summary,
                entry.TouchesPersonalData ? "はい" : "いいえ",
                entry.ClientIp,
            ]);
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static string KindName(AuditActorKind kind) => kind switch
    {
        AuditActorKind.Staff => "職員",
        AuditActorKind.Operator => StaffRoles.JapaneseName(StaffRoles.Operator),
        _ => "システム",
    };

    private static Task WriteRowAsync(TextWriter writer, IReadOnlyList<string?> cells) => writer.WriteLineAsync(CsvFormat.Row(cells));
}
