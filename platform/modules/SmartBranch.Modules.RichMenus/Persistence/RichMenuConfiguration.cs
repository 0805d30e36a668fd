using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.RichMenus.Domain;

namespace SmartBranch.Modules.RichMenus.Persistence;

internal sealed class RichMenuConfiguration : IEntityTypeConfiguration<RichMenu>
{
    public void Configure(EntityTypeBuilder<RichMenu> builder)
    {
        builder.ToTable("richmenus_menus");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TenantSlug).HasMaxLength(40);
        builder.Property(m => m.EnvironmentName).HasMaxLength(20);
        builder.Property(m => m.Name).HasMaxLength(RichMenuRules.MaxNameLength);
        builder.Property(m => m.ChatBarText).HasMaxLength(RichMenuRules.MaxChatBarTextLength);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TabAliasId).HasMaxLength(32);
        builder.Property(m => m.ImageFileName).HasMaxLength(40);
        builder.Property(m => m.UpdatedBy).HasMaxLength(100);
        builder.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(m => m.Areas);
        builder.HasIndex(m => new { m.TenantSlug, m.EnvironmentName, m.Role });

        // Switch actions name a tab by its alias, so an alias names one tab of the environment.
        builder.HasIndex(m => new { m.TenantSlug, m.EnvironmentName, m.TabAliasId }).IsUnique();
    }
}
