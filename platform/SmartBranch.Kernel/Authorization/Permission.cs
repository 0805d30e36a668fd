namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// Something a staff member may do, named <c>&lt;module&gt;.&lt;action&gt;</c> (<c>broadcast.send</c>) so the
/// name works as an authorization policy. <paramref name="DefaultRoles"/> are the tenant roles that
/// hold it unless a tenant changes its matrix.
/// </summary>
public sealed record Permission(string Name, string DescriptionJa, string DescriptionEn, IReadOnlyList<string> DefaultRoles)
{
    public override string ToString() => Name;
}

/// <summary>A module's permissions; each module has one (e.g. <c>BroadcastPermissions</c>), registered in its <c>AddServices</c>.</summary>
public interface IPermissionProvider
{
    IReadOnlyList<Permission> Permissions { get; }
}
