using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>A tenant's API clients in memory, with the service's Japanese refusals.</summary>
internal sealed class FakeApiClients : IApiClients
{
    public List<(string Tenant, ApiClientSummary Client)> Stored { get; } = [];

    public Task<IReadOnlyList<ApiClientSummary>> ListAsync(string tenantSlug, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApiClientSummary>>([.. Stored.Where(s => s.Tenant == tenantSlug).Select(s => s.Client)]);

    public Task RevokeAsync(string tenantSlug, string clientId, CancellationToken cancellationToken)
    {
        if (Stored.RemoveAll(s => s.Tenant == tenantSlug && s.Client.ClientId == clientId) == 0)
        {
            throw new ArgumentException("この自治体の API クライアントが見つかりません。すでに取り消されたかもしれません。", nameof(clientId));
        }

        return Task.CompletedTask;
    }

    public Task<ApiClientCredentials> RegisterAsync(string tenantSlug, string displayName, CancellationToken cancellationToken) =>
        RegisterAsync(tenantSlug, displayName, [], cancellationToken);

    public Task<ApiClientCredentials> RegisterAsync(string tenantSlug, string displayName, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new ArgumentException("名前を入力してください。", nameof(displayName));
        }

        var credentials = new ApiClientCredentials($"{tenantSlug}-{Stored.Count + 1:x12}", $"secret-{Stored.Count + 1}");
        Stored.Add((tenantSlug, new ApiClientSummary(credentials.ClientId, displayName.Trim(), [.. scopes])));
        return Task.FromResult(credentials);
    }
}
