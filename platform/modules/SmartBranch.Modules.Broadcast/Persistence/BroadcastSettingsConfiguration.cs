using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Modules.Broadcast.Persistence;

internal sealed class BroadcastSettingsConfiguration : IEntityTypeConfiguration<BroadcastSettings>
{
    public void Configure(EntityTypeBuilder<BroadcastSettings> builder)
    {
        builder.ToTable("broadcast_settings");
        builder.HasKey(s => new { s.TenantSlug, s.EnvironmentName });
        builder.Property(s => s.TenantSlug).HasMaxLength(40);
        builder.Property(s => s.EnvironmentName).HasMaxLength(20);
        builder.Property(s => s.UpdatedBy).HasMaxLength(100);
    }
}
