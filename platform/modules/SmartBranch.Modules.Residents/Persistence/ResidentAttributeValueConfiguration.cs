using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments;

namespace SmartBranch.Modules.Residents.Persistence;

internal sealed class ResidentAttributeValueConfiguration : IEntityTypeConfiguration<ResidentAttributeValue>
{
    public void Configure(EntityTypeBuilder<ResidentAttributeValue> builder)
    {
        builder.ToTable("residents_attribute_values");
        builder.HasKey(v => new { v.ResidentId, v.AttributeKey, v.ValueKey });
        builder.Property(v => v.TenantSlug).HasMaxLength(40);
        builder.Property(v => v.EnvironmentName).HasMaxLength(20);
        builder.Property(v => v.AttributeKey).HasMaxLength(SegmentKey.MaxLength);
        builder.Property(v => v.ValueKey).HasMaxLength(SegmentKey.MaxLength);
        builder.HasOne<Resident>().WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Cascade);

        // A segment's parts: which residents of this environment registered these values, from one index range (index-only).
        builder.HasIndex(v => new { v.TenantSlug, v.EnvironmentName, v.AttributeKey, v.ValueKey, v.ResidentId });
    }
}

internal sealed class ResidentHistoryEntryConfiguration : IEntityTypeConfiguration<ResidentHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ResidentHistoryEntry> builder)
    {
        builder.ToTable("residents_history");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantSlug).HasMaxLength(40);
        builder.Property(e => e.EnvironmentName).HasMaxLength(20);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.HasOne<Resident>().WithMany().HasForeignKey(e => e.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ResidentId, e.At });
    }
}
