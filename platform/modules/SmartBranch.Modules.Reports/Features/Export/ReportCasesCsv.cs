using SmartBranch.Kernel;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Features.Export;

/// <summary>
/// The inbox's cases as CSV for Excel (UTF-8 with a BOM, CRLF, formula-guarded cells), times in Japan time. The
/// columns are the inbox's and the district: no place, comment, photo or reporter.
/// </summary>
internal static class ReportCasesCsv
{
    private static readonly string[] Header = ["受付番号", "状態", "分類", "担当課", "地区", "通報日時(日本時間)", "最終更新(日本時間)", "重複の疑い"];

    /// <returns>How many cases were written.</returns>
    public static async Task<int> WriteAsync(IAsyncEnumerable<ReportCaseRow> rows, ReportCatalog catalog, Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var writer = new StreamWriter(output, CsvFormat.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        writer.NewLine = CsvFormat.NewLine;
        await writer.WriteLineAsync(CsvFormat.Row(Header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(CsvFormat.Row(
            [
                row.ReceiptNumber,
                row.Status.Japanese(),
                catalog.Category(row.CategoryKey)?.NameJa ?? row.CategoryKey,
                catalog.Department(row.DepartmentKey)?.Name ?? row.DepartmentKey,
                catalog.Districts.NameOf(row.Latitude, row.Longitude),
                JapanTime.Format(row.ReportedAt),
                JapanTime.Format(row.UpdatedAt),
                row.PossibleDuplicate ? "はい" : "いいえ",
            ]));
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>What a row needs, read from the database without the case's personal fields.</summary>
    internal sealed record ReportCaseRow(
        string ReceiptNumber, ReportStatus Status, string CategoryKey, string DepartmentKey, double Latitude, double Longitude, DateTimeOffset ReportedAt,
        DateTimeOffset UpdatedAt, bool PossibleDuplicate);
}
