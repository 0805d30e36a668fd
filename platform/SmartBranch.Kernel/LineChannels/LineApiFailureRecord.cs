using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>
/// One call to LINE for a tenant's channel that failed after the client's retries, kept for
/// <see cref="LineApiFailureLog.Retention"/> so the console can count them across every process.
/// No message content and no user id: the status and the operation are all the console needs.
/// </summary>
internal sealed class LineApiFailureRecord
{
    public Guid Id { get; init; }
    public required string TenantSlug { get; init; }
    public required string EnvironmentName { get; init; }

    /// <summary>LINE's HTTP status; 0 when LINE could not be reached.</summary>
    public int StatusCode { get; init; }

    /// <summary>The client method that failed, e.g. <c>push</c>.</summary>
    public required string Operation { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

internal sealed class LineApiFailureRecordConfiguration : IEntityTypeConfiguration<LineApiFailureRecord>
{
    public void Configure(EntityTypeBuilder<LineApiFailureRecord> builder)
    {
        builder.ToTable("kernel_line_api_failures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.TenantSlug).HasMaxLength(40);
        builder.Property(f => f.EnvironmentName).HasMaxLength(40);
        builder.Property(f => f.Operation).HasMaxLength(40);
        builder.HasIndex(f => new { f.TenantSlug, f.OccurredAt });
        builder.HasIndex(f => f.OccurredAt);
    }
}
