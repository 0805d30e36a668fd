using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Persistence;

internal sealed class BroadcastBatchConfiguration : IEntityTypeConfiguration<BroadcastBatch>
{
    public void Configure(EntityTypeBuilder<BroadcastBatch> builder)
    {
        builder.ToTable("broadcast_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.TenantSlug).HasMaxLength(40);
        builder.Property(b => b.EnvironmentName).HasMaxLength(20);
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.FailureReason).HasMaxLength(1000);
        builder.Property(b => b.LineRequestId).HasMaxLength(100);
        builder.Ignore(b => b.Recipients);
        builder.HasOne<BroadcastRun>().WithMany().HasForeignKey(b => b.RunId);
        builder.HasIndex(b => new { b.RunId, b.Sequence }).IsUnique();
        builder.HasIndex(b => new { b.RunId, b.State });
    }
}
