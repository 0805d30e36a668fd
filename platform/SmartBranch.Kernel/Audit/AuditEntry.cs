using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Audit;

public enum AuditActorKind
{
    Staff,
    Operator,
    System,
}

/// <summary>
/// One row of the append-only audit log. Rows form one hash chain per tenant and one for the
/// platform (<see cref="AuditChains"/>); <see cref="Hash"/> covers the row's canonical content and
/// <see cref="PreviousHash"/>, so editing or removing a row breaks the chain at that row.
/// </summary>
internal sealed class AuditEntry
{
    public required string Chain { get; init; }
    public long Sequence { get; set; }
    public string? TenantSlug { get; init; }
    public string? EnvironmentName { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public AuditActorKind ActorKind { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorDisplayName { get; init; }
    public required string Action { get; init; }
    public string? TargetType { get; init; }
    public string? TargetId { get; init; }
    public string? Summary { get; init; }
    public bool TouchesPersonalData { get; init; }
    public string? ClientIp { get; init; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>
/// A tenant's entries chain on their own, so a tenant's log can be verified and exported alone
/// and appends of different tenants never wait for each other; operators' actions outside any
/// tenant chain on the platform chain, a name no tenant slug can take.
/// </summary>
internal static class AuditChains
{
    public const string Platform = "_platform";

    public static string For(string? tenantSlug) => tenantSlug ?? Platform;
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("kernel_audit_entries");

        // The key is what keeps one chain linear: two writers that read the same last entry
        // cannot both insert the next sequence number, and the loser retries on the new end.
        builder.HasKey(e => new { e.Chain, e.Sequence });
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Chain).HasMaxLength(40);
        builder.Property(e => e.TenantSlug).HasMaxLength(40);
        builder.Property(e => e.EnvironmentName).HasMaxLength(20);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ActorUserId).HasMaxLength(100);
        builder.Property(e => e.ActorDisplayName).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.TargetType).HasMaxLength(50);
        builder.Property(e => e.TargetId).HasMaxLength(100);
        builder.Property(e => e.Summary).HasMaxLength(1000);
        builder.Property(e => e.ClientIp).HasMaxLength(45);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => new { e.TenantSlug, e.OccurredAt });
    }
}
