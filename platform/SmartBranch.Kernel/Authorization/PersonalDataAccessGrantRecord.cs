using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Authorization;

/// <summary>An operator's request to see one tenant's personal data, and what became of it.</summary>
internal sealed class PersonalDataAccessGrantRecord
{
    public Guid Id { get; init; }
    public required string TenantSlug { get; init; }
    public required string OperatorUserId { get; init; }
    public required string OperatorDisplayName { get; init; }
    public required string Reason { get; init; }
    public bool IsEmergency { get; init; }
    public int DurationMinutes { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public string? ApprovedByUserId { get; set; }

    /// <summary>The approver's name when they approved, so the history still says who after they leave.</summary>
    public string? ApprovedByDisplayName { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Null while pending; set when approved (or at once for an emergency).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedByUserId { get; set; }

    /// <summary>When the operator first used it; the use is audited once.</summary>
    public DateTimeOffset? FirstUsedAt { get; set; }

    /// <summary>When its expiry was audited.</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; set; }

    public PersonalDataAccessGrantState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? PersonalDataAccessGrantState.Revoked
        : ExpiresAt is not { } expiresAt ? PersonalDataAccessGrantState.Pending
        : now < expiresAt ? PersonalDataAccessGrantState.Active
        : PersonalDataAccessGrantState.Expired;

    public PersonalDataAccessGrant ToGrant(DateTimeOffset now) => new(
        Id, TenantSlug, OperatorUserId, OperatorDisplayName, Reason, IsEmergency, TimeSpan.FromMinutes(DurationMinutes),
        StateAt(now), RequestedAt, ApprovedByUserId, ApprovedByDisplayName, ApprovedAt, ExpiresAt, RevokedAt);
}

internal sealed class PersonalDataAccessGrantRecordConfiguration : IEntityTypeConfiguration<PersonalDataAccessGrantRecord>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccessGrantRecord> builder)
    {
        builder.ToTable("kernel_personal_data_access_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.TenantSlug).HasMaxLength(40);
        builder.Property(g => g.OperatorUserId).HasMaxLength(100);
        builder.Property(g => g.OperatorDisplayName).HasMaxLength(200);
        builder.Property(g => g.Reason).HasMaxLength(PersonalDataAccessGrantLimits.MaxReasonLength);
        builder.Property(g => g.ApprovedByUserId).HasMaxLength(100);
        builder.Property(g => g.ApprovedByDisplayName).HasMaxLength(200);
        builder.Property(g => g.RevokedByUserId).HasMaxLength(100);
        builder.HasIndex(g => new { g.TenantSlug, g.OperatorUserId });
        builder.HasIndex(g => g.ExpiresAt);
    }
}
