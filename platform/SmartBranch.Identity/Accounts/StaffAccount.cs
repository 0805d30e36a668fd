using Microsoft.AspNetCore.Identity;

namespace SmartBranch.Identity.Accounts;

/// <summary>A person who signs in to the portal: a city's staff member, a contractor, or a vendor operator.</summary>
public sealed class StaffAccount : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
