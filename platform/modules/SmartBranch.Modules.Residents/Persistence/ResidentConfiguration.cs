using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.Persistence;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("residents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantSlug).HasMaxLength(40);
        builder.Property(r => r.EnvironmentName).HasMaxLength(20);
        builder.Property(r => r.LineUserId).HasMaxLength(33);
        builder.Property(r => r.DisplayName).HasMaxLength(100);
        builder.Property(r => r.Language).HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.TenantSlug, r.EnvironmentName, r.LineUserId }).IsUnique();
        builder.Property(r => r.ConsentVersion).HasMaxLength(40);

        // Counting friends, and paging an audience in LINE user id order to the end without sorting. The id at the
        // end (the LINE user id is already unique) makes both index-only, also when a segment's resident ids are
        // joined to the friends: a million friends are read from the index alone, never from the table.
        builder.HasIndex(r => new { r.TenantSlug, r.EnvironmentName, r.Status, r.LineUserId, r.Id });
    }
}

internal sealed class ResidentsModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder
        .ApplyConfiguration(new ResidentConfiguration())
        .ApplyConfiguration(new ResidentAttributeValueConfiguration())
        .ApplyConfiguration(new ResidentHistoryEntryConfiguration())
        .ApplyConfiguration(new SegmentCatalogVersionConfiguration());
}
