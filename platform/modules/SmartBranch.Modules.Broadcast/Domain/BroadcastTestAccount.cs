using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>
/// A staff member's own LINE account, registered to receive test sends of the environment's deliveries
/// before residents do. Linked by a code the staff member sent from that account (<see cref="BroadcastTestAccountCode"/>).
/// </summary>
public sealed class BroadcastTestAccount : ITenantOwned
{
    public const int MaxDisplayNameLength = 100;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string LineUserId { get; private set; } = "";

    /// <summary>The LINE profile's name when it was linked, so staff can tell their phones apart.</summary>
    public string? LineDisplayName { get; private set; }

    public string StaffUserId { get; private set; } = "";
    public string StaffDisplayName { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }

    public static BroadcastTestAccount Link(BroadcastTestAccountCode code, string lineUserId, string? lineDisplayName, DateTimeOffset now) =>
        new() { LineUserId = lineUserId, LineDisplayName = Truncate(lineDisplayName), StaffUserId = code.StaffUserId, StaffDisplayName = code.StaffDisplayName, RegisteredAt = now };

    /// <summary>The same LINE account linked again, perhaps by another staff member: it now belongs to them.</summary>
    public void Relink(BroadcastTestAccountCode code, string? lineDisplayName, DateTimeOffset now)
    {
        StaffUserId = code.StaffUserId;
        StaffDisplayName = code.StaffDisplayName;
        LineDisplayName = Truncate(lineDisplayName);
        RegisteredAt = now;
    }

    private static string? Truncate(string? name) => name is { Length: > MaxDisplayNameLength } ? name[..MaxDisplayNameLength] : name;
}
