using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.Modules.Reports.Features.Statistics;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>
/// What the report screens ask of the Reports module. Each call is checked by the module against the signed-in staff
/// member's permissions and departments: <see cref="UnauthorizedAccessException"/> without the permission,
/// <see cref="ReportRuleException"/> (Japanese) for a case out of reach or a move the rules forbid. Component tests
/// replace it.
/// </summary>
public interface IReportsDesk
{
    Task<ReportInboxResult> SearchAsync(ReportInboxFilter filter, int page, CancellationToken cancellationToken);

    Task<ReportCaseView> OpenAsync(Guid caseId, CancellationToken cancellationToken);

    Task ChangeStatusAsync(Guid caseId, ReportStatus to, string? note, CancellationToken cancellationToken);

    Task AddNoteAsync(Guid caseId, string note, CancellationToken cancellationToken);

    /// <summary>Approves the case's photo for the public status map, or withdraws the approval (in the case's history, audited).</summary>
    Task PublishPhotoAsync(Guid caseId, bool isPublic, CancellationToken cancellationToken);

    /// <summary>E-mails the case, with its photo and place, to the manager of its road (国, 県) and records it (転送).</summary>
    Task ForwardToRoadManagerAsync(Guid caseId, string? note, CancellationToken cancellationToken);

    /// <summary>The open cases (受付・対応中) the staff member may see.</summary>
    Task<int> CountOpenAsync(CancellationToken cancellationToken);

    /// <param name="from">Reported at or after (UTC).</param>
    /// <param name="until">Reported before (UTC).</param>
    Task<ReportStatisticsResult> ComputeStatisticsAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The tiles and attribution of the tenant's maps.</summary>
    ReportMapSettings MapSettings { get; }

    /// <summary>Where an empty map opens: inside the city's boundary, or null without one.</summary>
    (double Latitude, double Longitude)? CityCentre { get; }

    /// <summary>The categories and departments to filter by, in the tenant's order.</summary>
    IReadOnlyList<(string Key, string Name)> Categories { get; }

    IReadOnlyList<(string Key, string Name)> Departments { get; }
}
