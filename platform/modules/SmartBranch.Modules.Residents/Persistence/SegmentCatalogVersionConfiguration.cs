using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Residents.Segments.Editing;

namespace SmartBranch.Modules.Residents.Persistence;

internal sealed class SegmentCatalogVersionConfiguration : IEntityTypeConfiguration<SegmentCatalogVersion>
{
    public void Configure(EntityTypeBuilder<SegmentCatalogVersion> builder)
    {
        builder.ToTable("residents_segment_catalogs");
        builder.HasKey(v => new { v.TenantSlug, v.EnvironmentName });
        builder.Property(v => v.TenantSlug).HasMaxLength(40);
        builder.Property(v => v.EnvironmentName).HasMaxLength(20);
        builder.Property(v => v.UpdatedBy).HasMaxLength(100);
    }
}
