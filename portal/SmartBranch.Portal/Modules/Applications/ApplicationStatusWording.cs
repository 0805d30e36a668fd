using Microsoft.Extensions.Localization;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Payments.Contracts;

namespace SmartBranch.Portal.Modules.Applications;

internal static class ApplicationStatusWording
{
    public static string Name(this IStringLocalizer<ApplicationsText> text, ApplicationStatus status) => text[$"Status{status}"];

    public static string Name(this IStringLocalizer<ApplicationsText> text, PaymentState state) => text[$"Payment{state}"];

    public static string BadgeClass(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Received => "badge badge-warn",
        ApplicationStatus.UnderReview => "badge badge-info",
        ApplicationStatus.Shipped => "badge badge-ok",
        ApplicationStatus.Rejected => "badge badge-danger",
        _ => "badge badge-muted",
    };
}
