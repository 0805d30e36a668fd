namespace SmartBranch.Kernel.Maintenance;

/// <summary>
/// A window as an operator enters it: times are the wall clock in Japan (what the form shows), the scope a tenant
/// (or none: every tenant) and optionally one of its environments.
/// </summary>
/// <param name="AnnounceToResidents">Prepare a draft delivery to the tenant's residents for the city's staff to approve (scheduling only).</param>
public sealed record MaintenanceWindowRequest(
    string? TenantSlug,
    string? EnvironmentName,
    DateTime StartsAtJapan,
    DateTime EndsAtJapan,
    MaintenanceStops Stops,
    string Reason,
    string AlternativeCounter,
    string AlternativePhone,
    string? AlternativeHours,
    bool IsEmergency,
    string? EmergencyReason,
    bool AnnounceToResidents = false)
{
    public DateTimeOffset StartsAt => JapanTime.ToUtc(StartsAtJapan);

    public DateTimeOffset EndsAt => JapanTime.ToUtc(EndsAtJapan);
}

/// <summary>A rule of maintenance windows was broken; each problem is Japanese, for the operator.</summary>
public sealed class MaintenanceRuleException(IReadOnlyList<string> problems) : Exception(string.Join('\n', problems))
{
    public MaintenanceRuleException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
