using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Persistence;

/// <summary>The database's part of a tenant: its lifecycle status, which files do not hold.</summary>
internal sealed class TenantRecord
{
    public required string Slug { get; init; }
    public TenantStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class TenantRecordConfiguration : IEntityTypeConfiguration<TenantRecord>
{
    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("kernel_tenants");
        builder.HasKey(t => t.Slug);
        builder.Property(t => t.Slug).HasMaxLength(40);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
    }
}
