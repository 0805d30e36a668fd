using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Messaging;

/// <summary>
/// That a consumer has handled an event. The key (consumer, event) is unique, so a redelivered
/// event's second handling fails to commit instead of repeating its effects.
/// </summary>
internal sealed class InboxMessage
{
    public required string Consumer { get; init; }
    public required Guid EventId { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("kernel_inbox_messages");
        builder.HasKey(m => new { m.Consumer, m.EventId });
        builder.Property(m => m.Consumer).HasMaxLength(200);
    }
}
