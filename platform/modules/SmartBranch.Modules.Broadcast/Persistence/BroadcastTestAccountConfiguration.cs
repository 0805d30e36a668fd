using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Persistence;

internal sealed class BroadcastTestAccountConfiguration : IEntityTypeConfiguration<BroadcastTestAccount>
{
    public void Configure(EntityTypeBuilder<BroadcastTestAccount> builder)
    {
        builder.ToTable("broadcast_test_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TenantSlug).HasMaxLength(40);
        builder.Property(a => a.EnvironmentName).HasMaxLength(20);
        builder.Property(a => a.LineUserId).HasMaxLength(40);
        builder.Property(a => a.LineDisplayName).HasMaxLength(BroadcastTestAccount.MaxDisplayNameLength);
        builder.Property(a => a.StaffUserId).HasMaxLength(100);
        builder.Property(a => a.StaffDisplayName).HasMaxLength(200);
        builder.HasIndex(a => new { a.TenantSlug, a.EnvironmentName, a.LineUserId }).IsUnique();
    }
}
