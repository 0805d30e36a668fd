using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.LineWebhooks;

internal enum LineWebhookEventState
{
    Pending,
    Processed,

    /// <summary>Gave up after <see cref="LineWebhookProcessor.MaxAttempts"/>; later events of the same source go on.</summary>
    Failed,
}

/// <summary>A webhook event as LINE delivered it, stored before LINE gets its 200.</summary>
internal sealed class LineWebhookEventRecord : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";

    /// <summary>LINE's ULID for the event, the same on every redelivery: the idempotency key.</summary>
    public required string WebhookEventId { get; init; }
    public required string EventType { get; init; }
    public required string SourceKey { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Payload { get; init; }
    public LineWebhookEventState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Which claim holds it: a processor claims a batch with one update, then loads what it won.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class LineWebhookEventRecordConfiguration : IEntityTypeConfiguration<LineWebhookEventRecord>
{
    public void Configure(EntityTypeBuilder<LineWebhookEventRecord> builder)
    {
        builder.ToTable("kernel_line_webhook_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantSlug).HasMaxLength(40);
        builder.Property(e => e.EnvironmentName).HasMaxLength(20);
        builder.Property(e => e.WebhookEventId).HasMaxLength(64);
        builder.Property(e => e.EventType).HasMaxLength(40);
        builder.Property(e => e.SourceKey).HasMaxLength(80);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => new { e.TenantSlug, e.EnvironmentName, e.WebhookEventId }).IsUnique();
        builder.HasIndex(e => new { e.State, e.NextAttemptAt });
        builder.HasIndex(e => new { e.TenantSlug, e.EnvironmentName, e.SourceKey, e.OccurredAt });
    }
}
