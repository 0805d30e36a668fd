using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Persistence;

/// <summary>
/// A tenant as the database knows it: every tenant's lifecycle status, and the whole definition of
/// one created at runtime. A tenant defined in files is recorded too, but its files stay the source
/// of its names and environments.
/// </summary>
internal sealed class TenantRecord
{
    public required string Slug { get; init; }
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>Comma-separated environment names.</summary>
    public string Environments { get; set; } = "";
    public bool IsDefinedInFiles { get; set; }
    public TenantStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> EnvironmentNames => Environments.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class TenantRecordConfiguration : IEntityTypeConfiguration<TenantRecord>
{
    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("kernel_tenants");
        builder.HasKey(t => t.Slug);
        builder.Property(t => t.Slug).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(100);
        builder.Property(t => t.Environments).HasMaxLength(100);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.StatusReason).HasMaxLength(500);
        builder.Ignore(t => t.EnvironmentNames);
    }
}
