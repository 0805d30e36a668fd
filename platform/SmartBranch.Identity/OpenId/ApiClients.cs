using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartBranch.Identity.OpenId;

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

    public async Task<IReadOnlyList<ApiClientSummary>> ListAsync(string tenantSlug, CancellationToken cancellationToken)
    {
        var clients = new List<ApiClientSummary>();
        await foreach (var application in applications.ListAsync(null, null, cancellationToken))
        {
            if (await TenantOfAsync(application, cancellationToken) != tenantSlug)
            {
                continue;
            }

            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            clients.Add(new ApiClientSummary(
                await applications.GetClientIdAsync(application, cancellationToken) ?? "",
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? "",
                [.. ApiScopes.All.Where(scope => permissions.Contains(Permissions.Prefixes.Scope + scope))]));
        }

        return [.. clients.OrderBy(c => c.DisplayName, StringComparer.Ordinal).ThenBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    public async Task RevokeAsync(string tenantSlug, string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null || await TenantOfAsync(application, cancellationToken) != tenantSlug)
        {
            throw new ArgumentException("この自治体の API クライアントが見つかりません。すでに取り消されたかもしれません。", nameof(clientId));
        }

        await applications.DeleteAsync(application, cancellationToken);
        await audit.RecordAsync(new AuditRecord("api_client.revoked", "api_client", clientId, "API クライアントを取り消しました。"), cancellationToken);
    }

    /// <summary>The tenant an API client belongs to; null for the portal's own client.</summary>
    private async Task<string?> TenantOfAsync(object application, CancellationToken cancellationToken) =>
        (await applications.GetPropertiesAsync(application, cancellationToken)).TryGetValue(TenantProperty, out var tenant) && tenant.ValueKind == JsonValueKind.String
            ? tenant.GetString()
            : null;
}
