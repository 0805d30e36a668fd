namespace SmartBranch.Modules.Applications.Domain;

/// <summary>
/// 入力中 → 署名待ち → 支払待ち → 受付 → 審査中 → 発送済 / 却下. The first three are the resident's (an application
/// becomes the city's when paid); the rest are staff's, and the resident is told of each.
/// </summary>
public enum ApplicationStatus
{
    Draft,
    AwaitingSignature,
    AwaitingPayment,
    Received,
    UnderReview,
    Shipped,
    Rejected,
}

public static class ApplicationStatuses
{
    public static string Japanese(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "入力中",
        ApplicationStatus.AwaitingSignature => "署名待ち",
        ApplicationStatus.AwaitingPayment => "支払待ち",
        ApplicationStatus.Received => "受付",
        ApplicationStatus.UnderReview => "審査中",
        ApplicationStatus.Shipped => "発送済",
        ApplicationStatus.Rejected => "却下",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string English(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Draft",
        ApplicationStatus.AwaitingSignature => "Awaiting signature",
        ApplicationStatus.AwaitingPayment => "Awaiting payment",
        ApplicationStatus.Received => "Received",
        ApplicationStatus.UnderReview => "Under review",
        ApplicationStatus.Shipped => "Shipped",
        ApplicationStatus.Rejected => "Rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Still with the resident: not yet paid, so staff do not see it in their queue.</summary>
    public static bool IsWithResident(this ApplicationStatus status) =>
        status is ApplicationStatus.Draft or ApplicationStatus.AwaitingSignature or ApplicationStatus.AwaitingPayment;

    public static bool IsClosed(this ApplicationStatus status) => status is ApplicationStatus.Shipped or ApplicationStatus.Rejected;

    /// <summary>
    /// Forward only, except that a resident may go back from 署名待ち to 入力中 to correct the form. 却下 is possible
    /// once the city has the application (受付, 審査中); 発送済 only after 審査中.
    /// </summary>
    public static bool CanMoveTo(this ApplicationStatus from, ApplicationStatus to) => (from, to) switch
    {
        (ApplicationStatus.Draft, ApplicationStatus.AwaitingSignature) => true,
        (ApplicationStatus.AwaitingSignature, ApplicationStatus.Draft or ApplicationStatus.AwaitingPayment) => true,
        (ApplicationStatus.AwaitingPayment, ApplicationStatus.Received) => true,
        (ApplicationStatus.Received, ApplicationStatus.UnderReview or ApplicationStatus.Rejected) => true,
        (ApplicationStatus.UnderReview, ApplicationStatus.Shipped or ApplicationStatus.Rejected) => true,
        _ => false,
    };
}
