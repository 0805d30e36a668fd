using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Identity.Accounts;

namespace SmartBranch.Identity.Persistence;

internal sealed class TenantMembershipConfiguration : IEntityTypeConfiguration<TenantMembership>
{
    public void Configure(EntityTypeBuilder<TenantMembership> builder)
    {
        builder.ToTable("identity_memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.TenantSlug).HasMaxLength(40);
        builder.HasIndex(m => new { m.UserId, m.TenantSlug }).IsUnique();
        builder.HasIndex(m => m.TenantSlug);
        builder.HasOne<StaffAccount>().WithMany().HasForeignKey(m => m.UserId).IsRequired();
    }
}
