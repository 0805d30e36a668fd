using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Portal.Modules.Reports;

internal static class ReportStatusWording
{
    public static string Name(this IStringLocalizer<ReportsText> text, ReportStatus status) => text[$"Status{status}"];

    public static string BadgeClass(ReportStatus status) => status switch
    {
        ReportStatus.Received => "badge badge-warn",
        ReportStatus.InProgress => "badge",
        ReportStatus.Completed => "badge badge-ok",
        _ => "badge badge-muted",
    };
}
