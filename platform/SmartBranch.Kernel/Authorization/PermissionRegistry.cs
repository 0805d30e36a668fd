using System.Text.RegularExpressions;

namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// Every permission the kernel and the modules declare, collected once at start-up. A duplicate
/// name, a name not shaped <c>&lt;module&gt;.&lt;action&gt;</c>, or a default role that is not a tenant role
/// (operators hold no tenant permission by default) stops the start-up.
/// </summary>
public sealed partial class PermissionRegistry
{
    private readonly Dictionary<string, Permission> _byName;

    public PermissionRegistry(IEnumerable<IPermissionProvider> providers)
    {
        All = providers.SelectMany(p => p.Permissions).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        foreach (var permission in All)
        {
            if (!NameShape().IsMatch(permission.Name))
            {
                throw new InvalidOperationException($"Permission '{permission.Name}' must be named <module>.<action> in lower case.");
            }

            var unknownRoles = permission.DefaultRoles.Except(StaffRoles.TenantRoles).ToList();
            if (unknownRoles.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Permission '{permission.Name}' defaults to {string.Join(", ", unknownRoles)}, which is not a tenant role.");
            }
        }

        var duplicate = All.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Permission '{duplicate.Key}' is declared twice.");
        }

        _byName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Ordered by name.</summary>
    public IReadOnlyList<Permission> All { get; }

    public Permission? Find(string name) => _byName.GetValueOrDefault(name);

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$")]
    private static partial Regex NameShape();
}
