using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Persistence;

internal sealed class BroadcastRunConfiguration : IEntityTypeConfiguration<BroadcastRun>
{
    public void Configure(EntityTypeBuilder<BroadcastRun> builder)
    {
        builder.ToTable("broadcast_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantSlug).HasMaxLength(40);
        builder.Property(r => r.EnvironmentName).HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Cursor).HasMaxLength(1000);
        builder.Property(r => r.Problem).HasMaxLength(1000);
        builder.Property(r => r.StopRequestedBy).HasMaxLength(100);
        builder.Property(r => r.ConfirmedLateBy).HasMaxLength(100);
        builder.Property(r => r.ClaimToken).IsConcurrencyToken();
        builder.HasOne<BroadcastDelivery>().WithMany().HasForeignKey(r => r.DeliveryId);
        builder.HasIndex(r => new { r.DeliveryId, r.OccurrenceAt }).IsUnique();
        builder.HasIndex(r => new { r.State, r.LockedUntil });
    }
}
