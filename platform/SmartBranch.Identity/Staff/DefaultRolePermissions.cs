using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Identity.Staff;

/// <summary>
/// The modules' default matrix (<see cref="Permission.DefaultRoles"/>), used until a registry that
/// lets tenants change it is registered in its place.
/// </summary>
internal sealed class DefaultRolePermissions(IEnumerable<IPermissionProvider> providers) : IRolePermissions
{
    private readonly Dictionary<string, Permission> _byName = providers
        .SelectMany(p => p.Permissions)
        .ToDictionary(p => p.Name, StringComparer.Ordinal);

    public bool Grants(string? tenantSlug, string role, string permission) =>
        _byName.TryGetValue(permission, out var known) && known.DefaultRoles.Contains(role, StringComparer.Ordinal);
}
