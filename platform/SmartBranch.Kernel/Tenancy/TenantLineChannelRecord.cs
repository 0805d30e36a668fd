using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// An environment's LINE channel as operators set it in the console. The channel secret and access
/// token are stored only as ASP.NET Core Data Protection payloads (<see cref="LineChannelCredentialProtector"/>).
/// </summary>
internal sealed class TenantLineChannelRecord
{
    public required string TenantSlug { get; init; }
    public required string EnvironmentName { get; init; }
    public LineMode Mode { get; set; }
    public string? ChannelId { get; set; }
    public string? ProtectedChannelSecret { get; set; }
    public string? ProtectedChannelAccessToken { get; set; }
    public string? ApiBaseUrl { get; set; }
    public string? DataApiBaseUrl { get; set; }
    public string? LoginChannelId { get; set; }
    public string? LiffId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class TenantLineChannelRecordConfiguration : IEntityTypeConfiguration<TenantLineChannelRecord>
{
    public void Configure(EntityTypeBuilder<TenantLineChannelRecord> builder)
    {
        builder.ToTable("kernel_tenant_line_channels");
        builder.HasKey(c => new { c.TenantSlug, c.EnvironmentName });
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(20);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ChannelId).HasMaxLength(40);
        builder.Property(c => c.ApiBaseUrl).HasMaxLength(300);
        builder.Property(c => c.DataApiBaseUrl).HasMaxLength(300);
        builder.Property(c => c.LoginChannelId).HasMaxLength(40);
        builder.Property(c => c.LiffId).HasMaxLength(100);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("kernel_data_protection_keys");
}
