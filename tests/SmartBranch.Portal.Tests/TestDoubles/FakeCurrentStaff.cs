using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>A signed-in staff member whose permissions a test sets.</summary>
internal sealed class FakeCurrentStaff : ICurrentStaff
{
    public HashSet<string> Permissions { get; } = [];

    public string? UserId { get; set; } = "user-1";

    public string? DisplayName { get; set; } = "平川 花子";

    public bool IsOperator { get; set; }

    public IReadOnlyList<string> Roles { get; set; } = [];

    public IReadOnlyList<string> Departments { get; set; } = [];

    public bool HasPermission(string permission) => Permissions.Contains(permission);
}
