namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// The roles a staff member can hold in one tenant, and the vendor's platform role. Pages and APIs
/// check permissions, never roles: roles only decide which permissions a member has by default.
/// </summary>
public static class StaffRoles
{
    /// <summary>管理者: everything in the tenant, including staff management and the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>職員: the city's daily work.</summary>
    public const string Staff = "staff";

    /// <summary>委託事業者: only the work assigned to it.</summary>
    public const string Contractor = "contractor";

    /// <summary>閲覧者: read-only.</summary>
    public const string Viewer = "viewer";

    /// <summary>The vendor's operator: runs the platform, sees no resident's personal data without a grant.</summary>
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> TenantRoles = [Admin, Staff, Contractor, Viewer];

    public static string JapaneseName(string role) => role switch
    {
        Admin => "管理者",
        Staff => "職員",
        Contractor => "委託事業者",
        Viewer => "閲覧者",
        Operator => "運用事業者",
        _ => role,
    };
}
