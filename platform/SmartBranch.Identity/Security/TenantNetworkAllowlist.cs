using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using SmartBranch.Kernel.Networking;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Identity.Security;

/// <summary>
/// A tenant's optional list of networks (<c>Tenants:&lt;slug&gt;:Security:AllowedNetworks</c>, CIDR,
/// as an array or comma-separated) from which its portal and API may be used.
/// </summary>
internal sealed class TenantNetworkAllowlist
{
    private readonly Dictionary<string, List<IPNetwork>> _byTenant;

    public TenantNetworkAllowlist(IConfiguration configuration, ITenantCatalog tenants)
    {
        _byTenant = tenants.Tenants
            .Select(t => (t.Slug, Networks: NetworkList.Read(configuration.GetSection($"Tenants:{t.Slug}:Security:AllowedNetworks"))))
            .Where(t => t.Networks.Count > 0)
            .ToDictionary(t => t.Slug, t => t.Networks, StringComparer.Ordinal);
    }

    public bool Allows(string tenantSlug, IPAddress? address)
    {
        if (!_byTenant.TryGetValue(tenantSlug, out var networks))
        {
            return true;
        }

        return NetworkList.Contains(networks, address);
    }
}

/// <summary>Refuses, with 403, portal and API requests for a tenant from outside its allowed networks.</summary>
internal sealed class TenantNetworkAllowlistMiddleware(RequestDelegate next, TenantNetworkAllowlist allowlist)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant tenant)
    {
        if (tenant.Tenant is { } current && IsPortalOrApi(context.Request.Path) && !allowlist.Allows(current.Slug, context.Connection.RemoteIpAddress))
        {
            await Results.Problem(
                title: "このネットワークからは利用できません。",
                detail: "This tenant allows its portal and API only from its own networks.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsPortalOrApi(PathString path) =>
        path.StartsWithSegments("/portal", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
