using System.Globalization;

namespace SmartBranch.Kernel.DataExport;

/// <summary>How values are written in every file of an export, so that one rule in the README covers them all.</summary>
public static class ExportValues
{
    /// <summary>ISO 8601 in UTC with microseconds (<c>2026-04-01T00:00:00.000000Z</c>), as stored; empty when null.</summary>
    public static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
