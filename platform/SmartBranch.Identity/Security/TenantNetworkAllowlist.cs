using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
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
            .Select(t => (t.Slug, Networks: Read(configuration.GetSection($"Tenants:{t.Slug}:Security:AllowedNetworks"), t.Slug)))
            .Where(t => t.Networks.Count > 0)
            .ToDictionary(t => t.Slug, t => t.Networks, StringComparer.Ordinal);
    }

    public bool Allows(string tenantSlug, IPAddress? address)
    {
        if (!_byTenant.TryGetValue(tenantSlug, out var networks))
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(normalized));
    }

    private static List<IPNetwork> Read(IConfigurationSection section, string slug)
    {
        var entries = section.Value is { Length: > 0 } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        return entries.Select(entry => IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new InvalidOperationException($"Tenants:{slug}:Security:AllowedNetworks: '{entry}' is not a CIDR network."))
            .ToList();
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
