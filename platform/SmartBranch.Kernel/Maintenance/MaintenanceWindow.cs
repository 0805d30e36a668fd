using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Maintenance;

/// <summary>What a maintenance window stops. The operators' console, health endpoints and the LINE webhook never stop.</summary>
[Flags]
public enum MaintenanceStops
{
    /// <summary>Resident pages (<c>/r/{tenant}/{env}/…</c>, LIFF): they answer 503 with the maintenance page.</summary>
    ResidentPages = 1,

    /// <summary>The tenant portal (<c>/portal/{tenant}/…</c>): city staff see the maintenance page instead.</summary>
    Portal = 2,

    ResidentPagesAndPortal = ResidentPages | Portal,
}

/// <summary>
/// A planned stop, announced ahead (<see cref="MaintenanceRules.NoticePeriod"/>, unless an emergency) with an
/// alternative for residents. Platform-wide (no tenant), for one tenant, or for one of its environments. Times are
/// UTC; operators enter and read them in Japan time. A cancelled window stays, for the record.
/// </summary>
public sealed class MaintenanceWindow
{
    public Guid Id { get; init; }

    /// <summary>Null: every tenant.</summary>
    public string? TenantSlug { get; set; }

    /// <summary>Null: every environment of the tenant.</summary>
    public string? EnvironmentName { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public MaintenanceStops Stops { get; set; }

    /// <summary>Why, in plain Japanese, as residents and staff read it.</summary>
    public required string Reason { get; set; }

    /// <summary>Where residents can go meanwhile (窓口), its phone number and opening hours.</summary>
    public required string AlternativeCounter { get; set; }
    public required string AlternativePhone { get; set; }
    public string? AlternativeHours { get; set; }

    public bool IsEmergency { get; set; }
    public string? EmergencyReason { get; set; }

    /// <summary>A draft delivery to the tenant's residents was asked of the Broadcast module when it was scheduled.</summary>
    public bool AnnouncedToResidents { get; init; }

    public required string ScheduledByUserId { get; init; }
    public required string ScheduledByName { get; init; }
    public DateTimeOffset ScheduledAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledByName { get; set; }
    public string? CancellationReason { get; set; }

    public bool IsCancelled => CancelledAt is not null;

    public bool IsCurrentAt(DateTimeOffset now) => !IsCancelled && StartsAt <= now && now < EndsAt;

    public bool HasEndedAt(DateTimeOffset now) => EndsAt <= now;

    /// <summary>Residents and staff are told from the start of the notice period (or from scheduling, for an emergency) until it ends.</summary>
    public bool IsAnnouncedAt(DateTimeOffset now) => !IsCancelled && StartsAt - MaintenanceRules.NoticePeriod <= now && now < EndsAt;

    public bool Covers(string tenantSlug, string? environmentName) =>
        (TenantSlug is null || TenantSlug == tenantSlug)
        && (EnvironmentName is null || environmentName is null || EnvironmentName == environmentName);

    /// <summary>Whether the two scopes share a tenant environment (a platform-wide window shares every one).</summary>
    public bool SharesScopeWith(string? tenantSlug, string? environmentName) =>
        TenantSlug is null || tenantSlug is null
        || (TenantSlug == tenantSlug && (EnvironmentName is null || environmentName is null || EnvironmentName == environmentName));
}

internal sealed class MaintenanceWindowConfiguration : IEntityTypeConfiguration<MaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindow> builder)
    {
        builder.ToTable("kernel_maintenance_windows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.TenantSlug).HasMaxLength(40);
        builder.Property(w => w.EnvironmentName).HasMaxLength(40);
        builder.Property(w => w.Stops).HasConversion<string>().HasMaxLength(40);
        builder.Property(w => w.Reason).HasMaxLength(MaintenanceRules.MaxReasonLength);
        builder.Property(w => w.AlternativeCounter).HasMaxLength(MaintenanceRules.MaxCounterLength);
        builder.Property(w => w.AlternativePhone).HasMaxLength(MaintenanceRules.MaxPhoneLength);
        builder.Property(w => w.AlternativeHours).HasMaxLength(MaintenanceRules.MaxHoursLength);
        builder.Property(w => w.EmergencyReason).HasMaxLength(MaintenanceRules.MaxReasonLength);
        builder.Property(w => w.ScheduledByUserId).HasMaxLength(100);
        builder.Property(w => w.ScheduledByName).HasMaxLength(200);
        builder.Property(w => w.CancelledByName).HasMaxLength(200);
        builder.Property(w => w.CancellationReason).HasMaxLength(MaintenanceRules.MaxReasonLength);
        builder.HasIndex(w => w.EndsAt);
    }
}
