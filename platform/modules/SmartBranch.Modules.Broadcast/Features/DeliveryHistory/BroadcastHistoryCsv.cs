using System.Globalization;
using SmartBranch.Kernel;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Features.DeliveryHistory;

/// <summary>The delivery history as CSV for Excel (UTF-8 with a BOM, CRLF), times in Japan time.</summary>
internal static class BroadcastHistoryCsv
{
    private static readonly string[] Header =
    [
        "配信ID", "配信名", "状態", "緊急配信", "作成者ID", "作成者", "作成日時(日本時間)", "次回送信(日本時間)", "最終送信(日本時間)", "対象者数", "送信数", "失敗数",
    ];

    /// <returns>How many deliveries were written.</returns>
    public static async Task<int> WriteAsync(
        IAsyncEnumerable<BroadcastHistory.HistoryRecord> records, IReadOnlyDictionary<string, string> names, Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var writer = new StreamWriter(output, CsvFormat.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        writer.NewLine = CsvFormat.NewLine;
        await writer.WriteLineAsync(CsvFormat.Row(Header));
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var row = record.ToRow(names);
            await writer.WriteLineAsync(CsvFormat.Row(
            [
                row.DeliveryId.ToString(),
                row.Title,
                StateNames.Japanese(row.State),
                row.IsEmergency ? "はい" : "いいえ",
                row.AuthorId,
                row.AuthorName,
                JapanTime.Format(row.CreatedAt),
                Time(row.NextRunAt),
                Time(row.LastRunAt),
                Number(row.RecipientCount),
                Number(row.SentCount),
                Number(row.FailedCount),
            ]));
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static string? Time(DateTimeOffset? time) => time is { } t ? JapanTime.Format(t) : null;

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
