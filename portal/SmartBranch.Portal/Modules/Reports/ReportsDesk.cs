using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.Modules.Reports.Features.Map;
using SmartBranch.Modules.Reports.Features.Statistics;

namespace SmartBranch.Portal.Modules.Reports;

internal sealed class ReportsDesk(ReportInbox inbox, ReportCaseDesk cases, RoadManagerForwarding forwarding, ReportStatistics statistics, ReportMap map) : IReportsDesk
{
    public ReportMapSettings MapSettings => map.Settings;

    public (double Latitude, double Longitude)? CityCentre => map.CityCentre;

    public Task<int> CountOpenAsync(CancellationToken cancellationToken) => inbox.CountOpenAsync(cancellationToken);

    public Task<ReportStatisticsResult> ComputeStatisticsAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        statistics.ComputeAsync(from, until, cancellationToken);

    public IReadOnlyList<(string Key, string Name)> Categories => [.. inbox.Categories.Select(c => (c.Key, c.NameJa))];

    public IReadOnlyList<(string Key, string Name)> Departments => [.. inbox.Departments.Select(d => (d.Key, d.Name))];

    public Task<ReportInboxResult> SearchAsync(ReportInboxFilter filter, int page, CancellationToken cancellationToken) => inbox.SearchAsync(filter, page, cancellationToken);

    public Task<ReportCaseView> OpenAsync(Guid caseId, CancellationToken cancellationToken) => cases.OpenAsync(caseId, cancellationToken);

    public Task ChangeStatusAsync(Guid caseId, ReportStatus to, string? note, CancellationToken cancellationToken) =>
        cases.ChangeStatusAsync(caseId, to, note, cancellationToken);

    public Task AddNoteAsync(Guid caseId, string note, CancellationToken cancellationToken) => cases.AddNoteAsync(caseId, note, cancellationToken);

    public Task PublishPhotoAsync(Guid caseId, bool isPublic, CancellationToken cancellationToken) => cases.PublishPhotoAsync(caseId, isPublic, cancellationToken);

    public Task ForwardToRoadManagerAsync(Guid caseId, string? note, CancellationToken cancellationToken) =>
        forwarding.ForwardAsync(caseId, note, cancellationToken);
}
