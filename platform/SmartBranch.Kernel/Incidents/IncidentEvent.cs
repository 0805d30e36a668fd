using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Incidents;

public enum IncidentEventKind
{
    Opened,
    Notified,
    NotificationFailed,
    Acknowledged,
    Note,
    Resolved,
}

/// <summary>One entry of an incident's timeline. <see cref="ActorDisplayName"/> is null for the system's own entries.</summary>
public sealed class IncidentEvent
{
    /// <summary>Given by the database in the order entries are written: the timeline's order when times are equal.</summary>
    public long Id { get; init; }
    public Guid IncidentId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public IncidentEventKind Kind { get; init; }
    public string? ActorUserId { get; init; }
    public string? ActorDisplayName { get; init; }
    public required string Text { get; init; }
}

internal sealed class IncidentEventConfiguration : IEntityTypeConfiguration<IncidentEvent>
{
    public void Configure(EntityTypeBuilder<IncidentEvent> builder)
    {
        builder.ToTable("kernel_incident_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorUserId).HasMaxLength(100);
        builder.Property(e => e.ActorDisplayName).HasMaxLength(200);
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.IncidentId, e.OccurredAt });
    }
}
