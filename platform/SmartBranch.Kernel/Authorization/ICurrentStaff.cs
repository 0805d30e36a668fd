namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// The signed-in staff member or operator of this request (or of the job acting for them), with
/// what they hold in the current tenant. Null members mean nobody is signed in.
/// </summary>
public interface ICurrentStaff
{
    /// <summary>The account's id; null when nobody is signed in.</summary>
    string? UserId { get; }

    /// <summary>Shown in the audit log; never a resident's data.</summary>
    string? DisplayName { get; }

    bool IsOperator { get; }

    /// <summary>Roles in the current tenant (empty outside a tenant or without membership).</summary>
    IReadOnlyList<string> Roles { get; }

    /// <summary>Departments (課) in the current tenant; they scope reports and applications.</summary>
    IReadOnlyList<string> Departments { get; }

    bool HasPermission(string permission);
}
