using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Incidents;

public enum IncidentState
{
    Open,
    Acknowledged,
    Resolved,
}

/// <summary>
/// An alert that fired, from opening to resolution, with its timeline (<see cref="IncidentEvent"/>) and the
/// report operators give the city (原因・対応内容・再発防止策). Platform-wide; tenant-scoped alerts name the
/// tenant, and its admins see the console's actions in their audit log.
/// </summary>
public sealed class Incident
{
    public Guid Id { get; init; }
    public required string RuleId { get; init; }
    public required string AlertKey { get; init; }

    /// <summary>The alert key while the incident is not resolved, null after: unique, so an alert opens one incident at a time.</summary>
    public string? OpenAlertKey { get; set; }
    public string? TenantSlug { get; init; }
    public string? EnvironmentName { get; init; }
    public required string Title { get; set; }
    public required string Detail { get; set; }
    public IncidentState State { get; set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Operators' report text; null until one is saved, the report then being generated from the timeline.</summary>
    public string? ReportCause { get; set; }
    public string? ReportResponse { get; set; }
    public string? ReportPrevention { get; set; }
    public string? ReportImpact { get; set; }

    public bool IsOpen => State != IncidentState.Resolved;
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("kernel_incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.RuleId).HasMaxLength(60);
        builder.Property(i => i.AlertKey).HasMaxLength(300);
        builder.Property(i => i.OpenAlertKey).HasMaxLength(300);
        builder.Property(i => i.TenantSlug).HasMaxLength(40);
        builder.Property(i => i.EnvironmentName).HasMaxLength(40);
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Detail).HasMaxLength(2000);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ReportCause).HasMaxLength(8000);
        builder.Property(i => i.ReportResponse).HasMaxLength(8000);
        builder.Property(i => i.ReportPrevention).HasMaxLength(8000);
        builder.Property(i => i.ReportImpact).HasMaxLength(8000);
        builder.HasIndex(i => i.OpenAlertKey).IsUnique();
        builder.HasIndex(i => new { i.State, i.OpenedAt });
    }
}
