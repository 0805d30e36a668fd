using System.Globalization;
using System.Net;
using System.Text;

namespace SmartBranch.Kernel.Incidents;

/// <summary>
/// The incident report a city receives: 発生日時・復旧日時 in Japan time, 影響範囲, 原因, 対応内容 and
/// 再発防止策. Sections operators have not written yet are generated from the alert and the timeline.
/// </summary>
public sealed record IncidentReport(
    string Title,
    string Scope,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    IncidentReportText Text,
    bool IsGenerated)
{
    public const string PreventionPlaceholder = "（再発防止策を記入してください）";

    public static IncidentReport For(Incident incident, IReadOnlyList<IncidentEvent> timeline, string? tenantName)
    {
        var scope = incident.TenantSlug is null
            ? "全自治体（プラットフォーム全体）"
            : $"{tenantName ?? incident.TenantSlug}{(incident.EnvironmentName is { } environment ? $"（{environment}）" : "")}";
        var generated = new IncidentReportText(
            Impact: scope,
            Cause: $"{incident.Title}。{incident.Detail}",
            Response: Responses(timeline),
            Prevention: PreventionPlaceholder);
        var saved = incident.ReportCause is not null;
        var text = saved
            ? new IncidentReportText(incident.ReportImpact ?? "", incident.ReportCause ?? "", incident.ReportResponse ?? "", incident.ReportPrevention ?? "")
            : generated;
        return new IncidentReport(incident.Title, scope, incident.OpenedAt, incident.ResolvedAt, text, !saved);
    }

    public string ToMarkdown()
    {
        var markdown = new StringBuilder();
        markdown.Append(CultureInfo.InvariantCulture, $"# 障害報告書: {Title}\n\n");
        foreach (var (heading, body) in Sections())
        {
            markdown.Append(CultureInfo.InvariantCulture, $"## {heading}\n\n{body}\n\n");
        }

        return markdown.ToString();
    }

    /// <summary>A complete page to print (or save as PDF from the browser); every text is encoded.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>障害報告書</title>")
            .Append("<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.7;color:#111}")
            .Append("h1{font-size:1.5rem}h2{font-size:1.1rem;border-bottom:1px solid #999;margin-top:1.5rem}p{white-space:pre-wrap}</style>")
            .Append("</head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h1>障害報告書: {WebUtility.HtmlEncode(Title)}</h1>");
        foreach (var (heading, body) in Sections())
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(heading)}</h2><p>{WebUtility.HtmlEncode(body)}</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private IEnumerable<(string Heading, string Body)> Sections()
    {
        yield return ("発生日時", JapanTime.Display(OpenedAt) + "（日本時間）");
        yield return ("復旧日時", ResolvedAt is { } resolved ? JapanTime.Display(resolved) + "（日本時間）" : "未復旧");
        yield return ("影響範囲", Text.Impact);
        yield return ("原因", Text.Cause);
        yield return ("対応内容", Text.Response);
        yield return ("再発防止策", Text.Prevention);
    }

    private static string Responses(IReadOnlyList<IncidentEvent> timeline) =>
        string.Join('\n', timeline
            .Where(e => e.Kind is IncidentEventKind.Acknowledged or IncidentEventKind.Note or IncidentEventKind.Resolved)
            .Select(e => $"{JapanTime.Display(e.OccurredAt)} {e.Text}"));
}
