using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Applications.Domain;

/// <summary>
/// One line of an application's history: who moved it (the resident, staff, or the system on a payment event),
/// when, from which status to which, and why (a rejection's reason, a refused signature, an expired payment).
/// </summary>
public sealed class ApplicationHistoryEntry : ITenantOwned
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid ApplicationId { get; private init; }
    public DateTimeOffset At { get; private init; }
    public ApplicationActorKind ActorKind { get; private init; }

    /// <summary>The staff member's user id; null for the resident and the system.</summary>
    public string? StaffUserId { get; private init; }

    public string? StaffDisplayName { get; private init; }
    public ApplicationStatus? FromStatus { get; private init; }
    public ApplicationStatus ToStatus { get; private init; }
    public string? Reason { get; private init; }

    internal static ApplicationHistoryEntry Record(
        Guid applicationId, ApplicationActor actor, ApplicationStatus? from, ApplicationStatus to, string? reason, DateTimeOffset at) => new()
    {
        ApplicationId = applicationId,
        At = at,
        ActorKind = actor.Kind,
        StaffUserId = actor.StaffUserId,
        StaffDisplayName = actor.StaffDisplayName,
        FromStatus = from,
        ToStatus = to,
        Reason = reason,
    };
}

public enum ApplicationActorKind
{
    Resident,
    Staff,
    System,
}

/// <summary>Who acts on an application: the resident, a staff member, or the system (payment events).</summary>
public sealed record ApplicationActor(ApplicationActorKind Kind, string? StaffUserId = null, string? StaffDisplayName = null)
{
    public static readonly ApplicationActor Resident = new(ApplicationActorKind.Resident);
    public static readonly ApplicationActor System = new(ApplicationActorKind.System);

    public static ApplicationActor Staff(string userId, string? displayName) => new(ApplicationActorKind.Staff, userId, displayName);
}
