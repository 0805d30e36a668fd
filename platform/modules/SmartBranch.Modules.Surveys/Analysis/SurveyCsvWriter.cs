using SmartBranch.Kernel.DataExport;

namespace SmartBranch.Modules.Surveys.Analysis;

/// <summary>
/// Writes CSV for Excel as rows are read: a header, then a row per item, in a <see cref="SurveyCsvEncoding"/>, cells
/// formula-guarded (<see cref="CsvFormat"/>) and CRLF. Shared by the survey results and the public comment opinions.
/// </summary>
internal static class SurveyCsvWriter
{
    /// <returns>How many rows (after the header) were written.</returns>
    public static async Task<int> WriteAsync<TRow>(
        IAsyncEnumerable<TRow> rows, IReadOnlyList<string> header, Func<TRow, IReadOnlyList<string?>> cellsOf, SurveyCsvEncoding encoding,
        Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var writer = new StreamWriter(output, SurveyCsvEncodings.For(encoding), bufferSize: 64 * 1024, leaveOpen: true);
        writer.NewLine = CsvFormat.NewLine;
        await WriteRowAsync(writer, header, encoding);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await WriteRowAsync(writer, cellsOf(row), encoding);
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static Task WriteRowAsync(StreamWriter writer, IReadOnlyList<string?> cells, SurveyCsvEncoding encoding) =>
        writer.WriteLineAsync(SurveyCsvEncodings.Prepare(CsvFormat.Row(cells), encoding));
}
