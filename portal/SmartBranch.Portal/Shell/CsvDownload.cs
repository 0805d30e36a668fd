using System.Globalization;
using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel;
using SmartBranch.Kernel.DataExport;

namespace SmartBranch.Portal.Shell;

/// <summary>The posted encoding of a CSV export, and the export as a download named with the Japan time it was made.</summary>
internal static class CsvDownload
{
    public static bool TryParse(string? encoding, out CsvEncoding chosen) =>
        Enum.TryParse(encoding, ignoreCase: false, out chosen) && Enum.IsDefined(chosen);

    /// <param name="name">The file name before its time stamp, e.g. <c>survey-hirakawa-{id}</c>.</param>
    public static IResult Stream(CsvExport export, string name, TimeProvider clock, HttpContext http) => TypedResults.Stream(
        stream => export.WriteAsync(stream, http.RequestAborted),
        export.ContentType,
        string.Create(CultureInfo.InvariantCulture, $"{name}-{JapanTime.From(clock.GetUtcNow()):yyyyMMdd-HHmm}.csv"));
}
