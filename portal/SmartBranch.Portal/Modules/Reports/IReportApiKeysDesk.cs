using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.ApiKeys;

namespace SmartBranch.Portal.Modules.Reports;

/// <summary>
/// What the API-key screen asks of the Reports module, checked there against <c>reports.api</c>:
/// <see cref="UnauthorizedAccessException"/> without it, <see cref="ReportRuleException"/> (Japanese) for a bad name
/// or a key already revoked. Component tests replace it.
/// </summary>
public interface IReportApiKeysDesk
{
    Task<IReadOnlyList<ReportApiKeyListing>> ListAsync(CancellationToken cancellationToken);

    /// <returns>The new key, to show once.</returns>
    Task<string> CreateAsync(string name, CancellationToken cancellationToken);

    Task RevokeAsync(Guid keyId, CancellationToken cancellationToken);
}

internal sealed class ReportApiKeysDesk(ReportApiKeys keys) : IReportApiKeysDesk
{
    public Task<IReadOnlyList<ReportApiKeyListing>> ListAsync(CancellationToken cancellationToken) => keys.ListAsync(cancellationToken);

    public Task<string> CreateAsync(string name, CancellationToken cancellationToken) => keys.CreateAsync(name, cancellationToken);

    public Task RevokeAsync(Guid keyId, CancellationToken cancellationToken) => keys.RevokeAsync(keyId, cancellationToken);
}
