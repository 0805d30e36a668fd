using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Residents.Preferences;

/// <summary>
/// Something a resident did themselves (saved their preferences, accepted a consent text): their own history,
/// shown with the resident, as opposed to the audit log of staff actions.
/// </summary>
internal sealed class ResidentHistoryEntry : ITenantOwned
{
    public const string PreferencesChanged = "preferences.changed";

    private ResidentHistoryEntry()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid ResidentId { get; private init; }
    public DateTimeOffset At { get; private init; }
    public string Action { get; private init; } = "";

    /// <summary>What the action changed, as JSON (for preferences: the choices and the consent version).</summary>
    public string Details { get; private init; } = "";

    public static ResidentHistoryEntry Record(Guid residentId, string action, string details, DateTimeOffset at) => new()
    {
        ResidentId = residentId,
        Action = action,
        Details = details,
        At = at,
    };
}
