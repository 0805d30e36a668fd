namespace SmartBranch.Kernel.Authorization;

/// <summary>A tenant's staff accounts, as tenant admins manage them. Every change is audited by the implementation.</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyList<StaffMember>> ListAsync(string tenantSlug, CancellationToken cancellationToken);

    /// <summary>Creates the account if the address is new, adds it to the tenant and e-mails an invitation.</summary>
    /// <exception cref="StaffDirectoryException">Bad address, unknown role, or already a member.</exception>
    Task<StaffMember> InviteAsync(string tenantSlug, StaffInvitation invitation, CancellationToken cancellationToken);

    /// <exception cref="StaffDirectoryException">Unknown member or role, or the last admin would lose the role.</exception>
    Task<StaffMember> UpdateAsync(string tenantSlug, string userId, IReadOnlyList<string> roles, IReadOnlyList<string> departments, CancellationToken cancellationToken);

    /// <summary>Disabled members cannot sign in to this tenant; their history stays.</summary>
    /// <exception cref="StaffDirectoryException">Unknown member, or the last active admin.</exception>
    Task<StaffMember> SetDisabledAsync(string tenantSlug, string userId, bool disabled, CancellationToken cancellationToken);
}

public sealed record StaffInvitation(string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments);

public sealed record StaffMember(
    string UserId,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Departments,
    bool IsDisabled,
    bool TwoFactorEnabled,
    bool InvitationAccepted,
    DateTimeOffset? LastSignInAt);

/// <summary>A refusal with a message to show staff, in Japanese.</summary>
public sealed class StaffDirectoryException : Exception
{
    public StaffDirectoryException() { }

    public StaffDirectoryException(string message) : base(message) { }

    public StaffDirectoryException(string message, Exception innerException) : base(message, innerException) { }
}
