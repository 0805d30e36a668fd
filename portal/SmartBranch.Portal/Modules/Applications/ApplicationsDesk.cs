using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Processing;

namespace SmartBranch.Portal.Modules.Applications;

internal sealed class ApplicationsDesk(ApplicationQueue queue, ApplicationDesk desk, ApplicationCatalogEditor catalog) : IApplicationsDesk
{
    public IReadOnlyList<(string Key, string Name)> Types => [.. queue.Types.Select(t => (t.Key, t.NameJa))];

    public Task<ApplicationQueueResult> SearchAsync(ApplicationQueueFilter filter, int page, CancellationToken cancellationToken) =>
        queue.SearchAsync(filter, page, cancellationToken);

    public Task<ApplicationDetail> OpenAsync(Guid applicationId, CancellationToken cancellationToken) => desk.OpenAsync(applicationId, cancellationToken);

    public Task StartReviewAsync(Guid applicationId, CancellationToken cancellationToken) => desk.StartReviewAsync(applicationId, cancellationToken);

    public Task ShipAsync(Guid applicationId, CancellationToken cancellationToken) => desk.ShipAsync(applicationId, cancellationToken);

    public Task<ApplicationRefundOutcome> RejectAsync(Guid applicationId, string reason, CancellationToken cancellationToken) =>
        desk.RejectAsync(applicationId, reason, cancellationToken);

    public Task<ApplicationRefundOutcome> RetryRefundAsync(Guid applicationId, CancellationToken cancellationToken) =>
        desk.RetryRefundAsync(applicationId, cancellationToken);

    public Task<ApplicationPrintSheet> PrintAsync(Guid applicationId, CancellationToken cancellationToken) => desk.PrintAsync(applicationId, cancellationToken);

    public Task<ApplicationFeeSheet> LoadFeesAsync(CancellationToken cancellationToken) => catalog.LoadAsync(cancellationToken);

    public Task<ApplicationFeeSaveResult> SaveFeesAsync(IReadOnlyList<ApplicationFeeChange> changes, CancellationToken cancellationToken) =>
        catalog.SaveAsync(changes, cancellationToken);
}
