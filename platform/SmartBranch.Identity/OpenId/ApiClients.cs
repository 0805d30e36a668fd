using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartBranch.Identity.OpenId;

/// <summary>A city system's credentials; the secret is shown once and stored only as a hash.</summary>
public sealed record ApiClientCredentials(string ClientId, string ClientSecret);

/// <summary>Registers the systems of a city that call our API with the client-credentials grant.</summary>
public interface IApiClients
{
    /// <exception cref="ArgumentException">Unknown tenant or empty name.</exception>
    Task<ApiClientCredentials> RegisterAsync(string tenantSlug, string displayName, CancellationToken cancellationToken);

    /// <param name="scopes">Narrow powers of <see cref="ApiScopes"/> the client may request besides the general API scope.</param>
    /// <exception cref="ArgumentException">Unknown tenant, empty name or unknown scope.</exception>
    Task<ApiClientCredentials> RegisterAsync(string tenantSlug, string displayName, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);
}

internal sealed class ApiClients(IOpenIddictApplicationManager applications, ITenantCatalog tenants, IAuditLog audit) : IApiClients
{
    public const string TenantProperty = "tenant";

    public Task<ApiClientCredentials> RegisterAsync(string tenantSlug, string displayName, CancellationToken cancellationToken) =>
        RegisterAsync(tenantSlug, displayName, [], cancellationToken);

    public async Task<ApiClientCredentials> RegisterAsync(
        string tenantSlug, string displayName, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        if (scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
        {
            throw new ArgumentException($"API のスコープ「{unknown}」はありません。", nameof(scopes));
        }

        if (tenants.Find(tenantSlug) is null)
        {
            throw new ArgumentException("自治体が見つかりません。", nameof(tenantSlug));
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new ArgumentException("名前を入力してください。", nameof(displayName));
        }

        var clientId = $"{tenantSlug}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName.Trim(),
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + SmartBranchAuthentication.ApiScope,
            },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[TenantProperty] = JsonSerializer.SerializeToElement(tenantSlug);
        await applications.CreateAsync(descriptor, cancellationToken);

        await audit.RecordAsync(new AuditRecord("api_client.registered", "api_client", clientId, "API クライアントを登録しました。"), cancellationToken);
        return new ApiClientCredentials(clientId, secret);
    }
}
