using System.Text;

namespace SmartBranch.Kernel.DataExport;

/// <summary>RFC 4180 rows for spreadsheets: UTF-8 with a BOM (Excel then reads Japanese as it is) and CRLF.</summary>
public static class CsvFormat
{
    public const string NewLine = "\r\n";

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>
    /// A cell starting with <c>= + - @</c>, a tab or CR would run as a formula in a spreadsheet (CSV
    /// injection), so it gets a leading apostrophe; so does one starting with an apostrophe, which
    /// makes the rule reversible: a reader drops one leading apostrophe from any cell that has one.
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
