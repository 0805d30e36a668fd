namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// Break-glass access: an operator sees one tenant's residents' personal data only for a stated
/// reason, for a limited time, approved by that tenant's admin or declared an emergency. Every
/// step (request, approval, first use, revocation, expiry) is in the tenant's audit log.
/// </summary>
public interface IPersonalDataAccessGrants
{
    /// <summary>The signed-in operator asks. An emergency grant is active at once; any other waits for a tenant admin.</summary>
    /// <exception cref="PersonalDataAccessGrantException">Not an operator, unknown tenant, no reason, or a time limit over <see cref="PersonalDataAccessGrantLimits.MaxDuration"/>.</exception>
    Task<PersonalDataAccessGrant> RequestAsync(string tenantSlug, string reason, TimeSpan duration, bool emergency, CancellationToken cancellationToken);

    /// <summary>A staff member of the grant's tenant holding <c>access-grants.approve</c> approves; the time limit runs from now.</summary>
    /// <exception cref="PersonalDataAccessGrantException">Unknown or no longer pending grant, or the approver may not approve it.</exception>
    Task<PersonalDataAccessGrant> ApproveAsync(Guid grantId, CancellationToken cancellationToken);

    /// <summary>Ends a pending or active grant early: the operator who asked, or an approver of its tenant.</summary>
    /// <exception cref="PersonalDataAccessGrantException">Unknown grant, already over, or someone else's.</exception>
    Task RevokeAsync(Guid grantId, CancellationToken cancellationToken);

    /// <summary>A tenant's grants, newest first.</summary>
    Task<IReadOnlyList<PersonalDataAccessGrant>> ListAsync(string tenantSlug, CancellationToken cancellationToken);

    /// <summary>Asked by <see cref="ICurrentStaff"/> implementations; the first true answer of a grant is audited as its use.</summary>
    Task<bool> HasActiveGrantAsync(string operatorUserId, string tenantSlug, CancellationToken cancellationToken);
}

/// <summary>What a request may ask for; forms use them to say so before the service refuses.</summary>
public static class PersonalDataAccessGrantLimits
{
    public const int MaxReasonLength = 500;
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);
}

public enum PersonalDataAccessGrantState
{
    Pending,
    Active,
    Expired,
    Revoked,
}

public sealed record PersonalDataAccessGrant(
    Guid Id,
    string TenantSlug,
    string OperatorUserId,
    string OperatorDisplayName,
    string Reason,
    bool IsEmergency,
    TimeSpan Duration,
    PersonalDataAccessGrantState State,
    DateTimeOffset RequestedAt,
    string? ApprovedByUserId,
    string? ApprovedByDisplayName,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);

/// <summary>A refusal with a message to show staff or operators, in Japanese.</summary>
public sealed class PersonalDataAccessGrantException : Exception
{
    public PersonalDataAccessGrantException() { }

    public PersonalDataAccessGrantException(string message) : base(message) { }

    public PersonalDataAccessGrantException(string message, Exception innerException) : base(message, innerException) { }
}
