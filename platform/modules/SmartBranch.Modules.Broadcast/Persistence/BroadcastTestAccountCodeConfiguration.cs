using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Persistence;

internal sealed class BroadcastTestAccountCodeConfiguration : IEntityTypeConfiguration<BroadcastTestAccountCode>
{
    public void Configure(EntityTypeBuilder<BroadcastTestAccountCode> builder)
    {
        builder.ToTable("broadcast_test_account_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(20);
        builder.Property(c => c.Code).HasMaxLength(9);
        builder.Property(c => c.StaffUserId).HasMaxLength(100);
        builder.Property(c => c.StaffDisplayName).HasMaxLength(200);
        builder.HasIndex(c => new { c.TenantSlug, c.EnvironmentName, c.Code }).IsUnique();
        builder.HasIndex(c => new { c.TenantSlug, c.EnvironmentName, c.StaffUserId });
    }
}
