using System.Globalization;
using SmartBranch.Kernel.DataExport;

namespace SmartBranch.Modules.Reports.Features.Statistics;

/// <summary>
/// The statistics as one CSV table for Excel (UTF-8 with a BOM, CRLF, formula-guarded cells): one row per category,
/// district and month, the time-to-close columns filled for categories only.
/// </summary>
internal static class ReportStatisticsCsv
{
    public const string NoDistrict = "地区外・不明";

    private static readonly string[] Header = ["集計", "項目", "件数", "未完了", "完了・対応不可", "完了までの中央値(時間)", "完了までの90パーセンタイル(時間)"];

    public static async Task WriteAsync(ReportStatisticsResult result, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, CsvFormat.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        writer.NewLine = CsvFormat.NewLine;
        await writer.WriteLineAsync(CsvFormat.Row(Header));
        foreach (var category in result.ByCategory)
        {
            await writer.WriteLineAsync(CsvFormat.Row(
            [
                "分類", category.Category, Number(category.Total), Number(category.Open), Number(category.Closed),
                Hours(category.MedianTimeToClose), Hours(category.Percentile90TimeToClose),
            ]));
        }

        foreach (var district in result.ByDistrict)
        {
            await writer.WriteLineAsync(CsvFormat.Row(["地区", district.District ?? NoDistrict, Number(district.Count), null, null, null, null]));
        }

        foreach (var month in result.ByMonth)
        {
            await writer.WriteLineAsync(CsvFormat.Row(["月", month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Number(month.Count), null, null, null, null]));
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Hours with one decimal: <c>36.5</c>.</summary>
    public static string? Hours(TimeSpan? duration) => duration?.TotalHours.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
