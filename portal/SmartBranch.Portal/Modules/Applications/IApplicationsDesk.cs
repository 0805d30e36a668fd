using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Processing;

namespace SmartBranch.Portal.Modules.Applications;

/// <summary>
/// What the application screens ask of the Applications module. Each call is checked by the module against the
/// signed-in staff member's permissions and departments: <see cref="UnauthorizedAccessException"/> without the
/// permission, <see cref="ApplicationRuleException"/> (Japanese) for an application out of reach or a move the rules
/// forbid. Component tests replace it.
/// </summary>
public interface IApplicationsDesk
{
    /// <summary>The application types to filter by, in the tenant's order.</summary>
    IReadOnlyList<(string Key, string Name)> Types { get; }

    Task<ApplicationQueueResult> SearchAsync(ApplicationQueueFilter filter, int page, CancellationToken cancellationToken);

    /// <summary>Opens the application; audited, as it shows the entered data and the 基本4情報.</summary>
    Task<ApplicationDetail> OpenAsync(Guid applicationId, CancellationToken cancellationToken);

    Task StartReviewAsync(Guid applicationId, CancellationToken cancellationToken);

    Task ShipAsync(Guid applicationId, CancellationToken cancellationToken);

    /// <summary>Rejects with the reason the resident reads, and asks for the payment's refund.</summary>
    Task<ApplicationRefundOutcome> RejectAsync(Guid applicationId, string reason, CancellationToken cancellationToken);

    Task<ApplicationRefundOutcome> RetryRefundAsync(Guid applicationId, CancellationToken cancellationToken);

    /// <summary>The mailing label and cover sheet; audited.</summary>
    Task<ApplicationPrintSheet> PrintAsync(Guid applicationId, CancellationToken cancellationToken);

    Task<ApplicationFeeSheet> LoadFeesAsync(CancellationToken cancellationToken);

    Task<ApplicationFeeSaveResult> SaveFeesAsync(IReadOnlyList<ApplicationFeeChange> changes, CancellationToken cancellationToken);
}
