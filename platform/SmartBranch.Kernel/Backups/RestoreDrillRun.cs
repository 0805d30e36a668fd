using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmartBranch.Kernel.Backups;

/// <summary>
/// One restore drill: the newest backup restored into a scratch database and checked against its manifest.
/// Server-wide (every tenant is in one backup); the reason says what failed, never a row's content.
/// </summary>
public sealed class RestoreDrillRun
{
    public Guid Id { get; init; }
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The backup restored; null when there was none to restore.</summary>
    public string? BackupName { get; init; }

    public long DurationMilliseconds { get; init; }
    public bool Succeeded { get; init; }

    /// <summary>Why the drill failed, for operators; null when it succeeded.</summary>
    public string? FailureReason { get; init; }

    public TimeSpan Duration => TimeSpan.FromMilliseconds(DurationMilliseconds);
}

internal sealed class RestoreDrillRunConfiguration : IEntityTypeConfiguration<RestoreDrillRun>
{
    public void Configure(EntityTypeBuilder<RestoreDrillRun> builder)
    {
        builder.ToTable("kernel_restore_drills");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.BackupName).HasMaxLength(100);
        builder.Property(r => r.FailureReason).HasMaxLength(2000);
        builder.Ignore(r => r.Duration);
        builder.HasIndex(r => r.StartedAt);
    }
}
