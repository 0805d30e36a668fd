namespace SmartBranch.Kernel.Authorization;

/// <summary>Which permissions a role holds in a tenant: the permission matrix that <see cref="ICurrentStaff.HasPermission"/> consults.</summary>
public interface IRolePermissions
{
    /// <param name="tenantSlug">Null outside a tenant (an operator on <c>/ops</c>).</param>
    bool Grants(string? tenantSlug, string role, string permission);
}
