namespace SmartBranch.Identity.Accounts;

/// <summary>
/// An account's place in one tenant: its roles and departments. A disabled membership keeps its
/// history but grants nothing; an account with no active membership cannot sign in unless it is an operator.
/// </summary>
public sealed class TenantMembership
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string UserId { get; init; }

    public required string TenantSlug { get; init; }

    public List<string> Roles { get; set; } = [];

    public List<string> Departments { get; set; } = [];

    public bool IsDisabled { get; set; }

    public DateTimeOffset InvitedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; set; }
}
