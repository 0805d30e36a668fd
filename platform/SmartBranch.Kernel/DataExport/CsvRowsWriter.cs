namespace SmartBranch.Kernel.DataExport;

/// <summary>
/// Writes CSV for Excel as rows are read: a header, then a row per item, in a <see cref="CsvEncoding"/>, cells
/// formula-guarded (<see cref="CsvFormat"/>) and CRLF. Shared by the exports staff download (survey results, public
/// comment opinions, payments).
/// </summary>
public static class CsvRowsWriter
{
    /// <returns>How many rows (after the header) were written.</returns>
    public static async Task<int> WriteAsync<TRow>(
        IAsyncEnumerable<TRow> rows, IReadOnlyList<string> header, Func<TRow, IReadOnlyList<string?>> cellsOf, CsvEncoding encoding,
        Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var writer = new StreamWriter(output, CsvEncodings.For(encoding), bufferSize: 64 * 1024, leaveOpen: true);
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

    private static Task WriteRowAsync(StreamWriter writer, IReadOnlyList<string?> cells, CsvEncoding encoding) =>
        writer.WriteLineAsync(CsvEncodings.Prepare(CsvFormat.Row(cells), encoding));
}
