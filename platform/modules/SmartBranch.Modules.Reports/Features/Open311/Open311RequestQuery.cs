using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SmartBranch.Kernel;

namespace SmartBranch.Modules.Reports.Features.Open311;

/// <summary>
/// The filters of <c>GET requests</c>: a list of <c>service_request_id</c> (which, as the spec says, overrides every
/// other filter), or <c>service_code</c>, <c>status</c> (<c>open</c>/<c>closed</c>, comma-separated) and a
/// <c>start_date</c>–<c>end_date</c> range of at most <see cref="MaxRange"/> (the last 90 days unless given). A date
/// without an offset is Japan time.
/// </summary>
public sealed partial record Open311RequestQuery(
    IReadOnlyList<string> RequestIds, IReadOnlyList<string> ServiceCodes, IReadOnlyList<string> Statuses, DateTimeOffset Start, DateTimeOffset End)
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);

    /// <exception cref="Open311Exception">A filter is not valid (400).</exception>
    public static Open311RequestQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var end = Date(query, "end_date") ?? now;
        var start = Date(query, "start_date") ?? end - MaxRange;
        if (start > end)
        {
            throw Open311Exception.BadRequest("start_date は end_date より前にしてください。 (start_date must be before end_date.)");
        }

        if (end - start > MaxRange)
        {
            throw Open311Exception.BadRequest("start_date から end_date までは 90 日以内にしてください。 (The date range may not span more than 90 days.)");
        }

        var statuses = List(query, "status");
        if (statuses.FirstOrDefault(s => s is not (Open311Mapping.Open or Open311Mapping.Closed)) is { } unknown)
        {
            throw Open311Exception.BadRequest($"status は open か closed です（{unknown} は使えません）。 (status must be open or closed.)");
        }

        return new Open311RequestQuery(List(query, "service_request_id"), List(query, "service_code"), statuses, start, end);
    }

    private static List<string> List(IQueryCollection query, string name) =>
        [.. query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static DateTimeOffset? Date(IQueryCollection query, string name)
    {
        if (query[name].ToString() is not { Length: > 0 } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw Open311Exception.BadRequest($"{name} は ISO 8601 の日時にしてください（例: 2026-04-01T00:00:00+09:00）。 ({name} must be an ISO 8601 date-time.)");
        }

        return HasOffset().IsMatch(text) ? parsed : new DateTimeOffset(parsed.DateTime, JapanTime.Offset);
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
