using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.ImportFiles;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.Modules.RichMenus.Persistence;

internal sealed class RichMenuPublicationConfiguration : IEntityTypeConfiguration<RichMenuPublication>
{
    public void Configure(EntityTypeBuilder<RichMenuPublication> builder)
    {
        builder.ToTable("richmenus_publications");
        builder.HasKey(p => p.MenuId);
        builder.HasOne<RichMenu>().WithOne().HasForeignKey<RichMenuPublication>(p => p.MenuId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.TenantSlug).HasMaxLength(40);
        builder.Property(p => p.EnvironmentName).HasMaxLength(20);
        builder.Property(p => p.LineRichMenuId).HasMaxLength(100);
        builder.Property(p => p.PublishedBy).HasMaxLength(100);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class RichMenuCreationConfiguration : IEntityTypeConfiguration<RichMenuCreation>
{
    public void Configure(EntityTypeBuilder<RichMenuCreation> builder)
    {
        builder.ToTable("richmenus_creations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ChannelId).HasMaxLength(100);
        builder.HasIndex(c => new { c.ChannelId, c.CreatedAt });
    }
}

internal sealed class DisasterModeStateConfiguration : IEntityTypeConfiguration<DisasterModeState>
{
    public void Configure(EntityTypeBuilder<DisasterModeState> builder)
    {
        builder.ToTable("richmenus_disaster_mode");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantSlug).HasMaxLength(40);
        builder.Property(s => s.EnvironmentName).HasMaxLength(20);
        builder.Property(s => s.SwitchedBy).HasMaxLength(100);
        builder.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(s => new { s.TenantSlug, s.EnvironmentName }).IsUnique();
    }
}

internal sealed class RichMenuFileImportConfiguration : IEntityTypeConfiguration<RichMenuFileImport>
{
    public void Configure(EntityTypeBuilder<RichMenuFileImport> builder)
    {
        builder.ToTable("richmenus_file_imports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantSlug).HasMaxLength(40);
        builder.Property(i => i.EnvironmentName).HasMaxLength(20);
        builder.Property(i => i.FileMenuName).HasMaxLength(RichMenuRules.MaxNameLength);
        builder.HasIndex(i => new { i.TenantSlug, i.EnvironmentName, i.FileMenuName }).IsUnique();
    }
}

internal sealed class RichMenuPromotionLinkConfiguration : IEntityTypeConfiguration<RichMenuPromotionLink>
{
    public void Configure(EntityTypeBuilder<RichMenuPromotionLink> builder)
    {
        builder.ToTable("richmenus_promotion_links");
        builder.HasKey(l => l.ProductionMenuId);
        builder.HasOne<RichMenu>().WithOne().HasForeignKey<RichMenuPromotionLink>(l => l.ProductionMenuId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.TenantSlug).HasMaxLength(40);
        builder.Property(l => l.EnvironmentName).HasMaxLength(20);
        builder.HasIndex(l => new { l.TenantSlug, l.EnvironmentName, l.StagingMenuId }).IsUnique();
    }
}
