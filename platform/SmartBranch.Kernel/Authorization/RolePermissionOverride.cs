using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Authorization;

/// <summary>A tenant's departure from a permission's default roles: this role does (or does not) hold it here.</summary>
internal sealed class RolePermissionOverride
{
    public required string TenantSlug { get; init; }
    public required string Role { get; init; }
    public required string Permission { get; init; }
    public bool Granted { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class RolePermissionOverrideConfiguration : IEntityTypeConfiguration<RolePermissionOverride>
{
    public void Configure(EntityTypeBuilder<RolePermissionOverride> builder)
    {
        builder.ToTable("kernel_role_permissions");
        builder.HasKey(o => new { o.TenantSlug, o.Role, o.Permission });
        builder.Property(o => o.TenantSlug).HasMaxLength(40);
        builder.Property(o => o.Role).HasMaxLength(20);
        builder.Property(o => o.Permission).HasMaxLength(100);
    }
}
