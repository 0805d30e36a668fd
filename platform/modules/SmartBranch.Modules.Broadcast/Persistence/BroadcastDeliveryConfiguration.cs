using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Persistence;

internal sealed class BroadcastDeliveryConfiguration : IEntityTypeConfiguration<BroadcastDelivery>
{
    public void Configure(EntityTypeBuilder<BroadcastDelivery> builder)
    {
        builder.ToTable("broadcast_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.TenantSlug).HasMaxLength(40);
        builder.Property(d => d.EnvironmentName).HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(BroadcastDelivery.MaxTitleLength);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.EmergencyReason).HasMaxLength(BroadcastDelivery.MaxReasonLength);
        builder.Property(d => d.RejectionReason).HasMaxLength(BroadcastDelivery.MaxReasonLength);
        builder.Property(d => d.AuthorId).HasMaxLength(100);
        builder.Property(d => d.ApproverId).HasMaxLength(100);
        builder.Property(d => d.CancelledBy).HasMaxLength(100);
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(d => d.Messages);
        builder.Ignore(d => d.Segment);
        builder.Ignore(d => d.Schedule);
        builder.HasIndex(d => new { d.TenantSlug, d.EnvironmentName, d.State });
        builder.HasIndex(d => new { d.State, d.NextRunAt });

        // The history: newest first within a tenant environment.
        builder.HasIndex(d => new { d.TenantSlug, d.EnvironmentName, d.CreatedAt });
    }
}
