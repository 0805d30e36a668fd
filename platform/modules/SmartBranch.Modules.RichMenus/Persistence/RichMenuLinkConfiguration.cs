using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.LinkResidents;

namespace SmartBranch.Modules.RichMenus.Persistence;

internal sealed class RichMenuSegmentAssignmentConfiguration : IEntityTypeConfiguration<RichMenuSegmentAssignment>
{
    public void Configure(EntityTypeBuilder<RichMenuSegmentAssignment> builder)
    {
        builder.ToTable("richmenus_segment_assignments");
        builder.HasKey(a => a.Id);
        builder.HasOne<RichMenu>().WithMany().HasForeignKey(a => a.MenuId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.TenantSlug).HasMaxLength(40);
        builder.Property(a => a.EnvironmentName).HasMaxLength(20);
        builder.Property(a => a.SegmentJson).HasMaxLength(8000);
        builder.Property(a => a.AssignedBy).HasMaxLength(100);
        builder.HasIndex(a => new { a.TenantSlug, a.EnvironmentName, a.AssignedAt });
    }
}

internal sealed class RichMenuResidentLinkConfiguration : IEntityTypeConfiguration<RichMenuResidentLink>
{
    public void Configure(EntityTypeBuilder<RichMenuResidentLink> builder)
    {
        builder.ToTable("richmenus_resident_links");
        builder.HasKey(l => new { l.TenantSlug, l.EnvironmentName, l.LineUserId });
        builder.HasOne<RichMenu>().WithMany().HasForeignKey(l => l.MenuId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.TenantSlug).HasMaxLength(40);
        builder.Property(l => l.EnvironmentName).HasMaxLength(20);
        builder.Property(l => l.LineUserId).HasMaxLength(33);
        builder.Property(l => l.LinkedBy).HasMaxLength(100);
        builder.HasIndex(l => new { l.TenantSlug, l.EnvironmentName, l.ResidentId }).IsUnique();
    }
}

internal sealed class RichMenuLinkRunConfiguration : IEntityTypeConfiguration<RichMenuLinkRun>
{
    public void Configure(EntityTypeBuilder<RichMenuLinkRun> builder)
    {
        builder.ToTable("richmenus_link_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantSlug).HasMaxLength(40);
        builder.Property(r => r.EnvironmentName).HasMaxLength(20);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SegmentJson).HasMaxLength(8000);
        builder.Property(r => r.Cursor).HasMaxLength(1000);
        builder.Property(r => r.Problem).HasMaxLength(1000);
        builder.Property(r => r.ClaimToken).IsConcurrencyToken();
        builder.HasIndex(r => new { r.State, r.TenantSlug, r.EnvironmentName, r.CreatedAt });
    }
}
