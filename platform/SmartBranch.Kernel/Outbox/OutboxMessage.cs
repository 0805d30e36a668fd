using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Outbox;

internal enum OutboxMessageState
{
    Pending,
    Published,

    /// <summary>Gave up after <see cref="OutboxDispatcher.MaxAttempts"/>; operators see and can requeue it.</summary>
    Failed,
}

/// <summary>An integration event saved with the change that raised it, waiting to be published.</summary>
internal sealed class OutboxMessage
{
    public required Guid Id { get; init; }
    public string? TenantSlug { get; init; }
    public string? EnvironmentName { get; init; }
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public OutboxMessageState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while one dispatcher publishes it, so that another leaves it alone until then.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Which claim holds it: a dispatcher claims a batch with one update, then loads what it won.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("kernel_outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TenantSlug).HasMaxLength(40);
        builder.Property(m => m.EnvironmentName).HasMaxLength(20);
        builder.Property(m => m.MessageType).HasMaxLength(300);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}
