namespace SmartBranch.Kernel.Authorization;

/// <summary>A city system's credentials; the secret is shown once and stored only as a hash.</summary>
public sealed record ApiClientCredentials(string ClientId, string ClientSecret);

/// <summary>A registered city system: its id, name and the narrow <see cref="ApiScopes"/> it may request.</summary>
public sealed record ApiClientSummary(string ClientId, string DisplayName, IReadOnlyList<string> Scopes);

/// <summary>Registers the systems of a city that call our API with the client-credentials grant, and revokes them.</summary>
public interface IApiClients
{
    Task<IReadOnlyList<ApiClientSummary>> ListAsync(string tenantSlug, CancellationToken cancellationToken);

    /// <summary>Deletes the client: it can get no new token. Audited.</summary>
    /// <exception cref="ArgumentException">No such client of the tenant.</exception>
    Task RevokeAsync(string tenantSlug, string clientId, CancellationToken cancellationToken);

    /// <exception cref="ArgumentException">Unknown tenant or empty name.</exception>
    Task<ApiClientCredentials> RegisterAsync(string tenantSlug, string displayName, CancellationToken cancellationToken);

    /// <param name="scopes">Narrow powers of <see cref="ApiScopes"/> the client may request besides the general API scope.</param>
    /// <exception cref="ArgumentException">Unknown tenant, empty name or unknown scope.</exception>
    Task<ApiClientCredentials> RegisterAsync(string tenantSlug, string displayName, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);
}
