namespace SmartBranch.Kernel.DataExport;

/// <summary>An export the audit log has recorded, ready to stream.</summary>
public sealed class CsvExport
{
    private readonly Func<Stream, CancellationToken, Task<int>> _write;

    public CsvExport(CsvEncoding encoding, Func<Stream, CancellationToken, Task<int>> write)
    {
        Encoding = encoding;
        _write = write;
    }

    public CsvEncoding Encoding { get; }

    /// <summary>The <c>Content-Type</c> to send it with.</summary>
    public string ContentType => Encoding == CsvEncoding.ShiftJis ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8";

    /// <returns>How many rows were written.</returns>
    public Task<int> WriteAsync(Stream output, CancellationToken cancellationToken) => _write(output, cancellationToken);
}
