using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Kernel.Privacy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;

namespace SmartBranch.Modules.Applications.Persistence;

internal sealed class ResidentApplicationConfiguration : IEntityTypeConfiguration<ResidentApplication>
{
    public void Configure(EntityTypeBuilder<ResidentApplication> builder)
    {
        builder.ToTable("applications_applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TenantSlug).HasMaxLength(40);
        builder.Property(a => a.EnvironmentName).HasMaxLength(20);
        builder.Property(a => a.ReceiptNumber).HasMaxLength(20);
        builder.Property(a => a.SubmissionKey).HasMaxLength(ResidentApplication.MaxSubmissionKeyLength);
        builder.Property(a => a.TypeKey).HasMaxLength(40);
        builder.Property(a => a.DepartmentKey).HasMaxLength(40);
        builder.Property(a => a.LineUserId).HasMaxLength(40);
        builder.Property(a => a.PostageKey).HasMaxLength(40);
        Sealed(builder.Property(a => a.FormData));
        Sealed(builder.Property(a => a.SignedDocument));
        Sealed(builder.Property(a => a.SignerCertificate));
        Sealed(builder.Property(a => a.VerifiedIdentity));
        builder.Property(a => a.CertificateSerialNumber).HasMaxLength(80);
        builder.Property(a => a.VerificationOutcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.SigningSessionId).HasMaxLength(200);
        builder.Property(a => a.PaymentReference).HasMaxLength(100);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RejectionReason).HasMaxLength(ResidentApplication.MaxRejectionReasonLength);
        builder.Property(a => a.UpdatedAt).IsConcurrencyToken();
        builder.Ignore(a => a.HasAmount);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).HasField("_history");
        builder.HasIndex(a => new { a.TenantSlug, a.EnvironmentName, a.ReceiptNumber }).IsUnique();
        builder.HasIndex(a => new { a.TenantSlug, a.EnvironmentName, a.SubmissionKey }).IsUnique();
        builder.HasIndex(a => new { a.TenantSlug, a.EnvironmentName, a.LineUserId, a.Status });
        builder.HasIndex(a => new { a.TenantSlug, a.EnvironmentName, a.DepartmentKey, a.Status, a.ReceivedAt });
        builder.HasIndex(a => new { a.TenantSlug, a.EnvironmentName, a.PaymentReference });
        builder.HasIndex(a => a.PurgeDueAt);
    }

    // Data Protection payloads are base64url text, about 4/3 of the plaintext plus a header; no length limit.
    private static void Sealed(PropertyBuilder<SealedText?> property) =>
        property.HasConversion(s => s!.Ciphertext, c => new SealedText(c));
}

internal sealed class ApplicationHistoryEntryConfiguration : IEntityTypeConfiguration<ApplicationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ApplicationHistoryEntry> builder)
    {
        builder.ToTable("applications_history");
        builder.HasKey(e => e.Id);

        // Entries are added through the application's History, carrying their own new id: "never generated" makes EF insert them.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.TenantSlug).HasMaxLength(40);
        builder.Property(e => e.EnvironmentName).HasMaxLength(20);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StaffUserId).HasMaxLength(100);
        builder.Property(e => e.StaffDisplayName).HasMaxLength(200);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(ApplicationHistoryEntry.MaxReasonLength);
        builder.HasIndex(e => new { e.ApplicationId, e.At });
    }
}

internal sealed class ApplicationReceiptCounterConfiguration : IEntityTypeConfiguration<ApplicationReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ApplicationReceiptCounter> builder)
    {
        builder.ToTable("applications_receipt_counters");
        builder.HasKey(c => new { c.TenantSlug, c.EnvironmentName, c.Year });
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(20);
        builder.Property(c => c.Last).IsConcurrencyToken();
    }
}

internal sealed class ApplicationFeeOverrideConfiguration : IEntityTypeConfiguration<ApplicationFeeOverride>
{
    public void Configure(EntityTypeBuilder<ApplicationFeeOverride> builder)
    {
        builder.ToTable("applications_fee_overrides");
        builder.HasKey(f => new { f.TenantSlug, f.EnvironmentName, f.Kind, f.Key });
        builder.Property(f => f.TenantSlug).HasMaxLength(40);
        builder.Property(f => f.EnvironmentName).HasMaxLength(20);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Key).HasMaxLength(40);
        builder.Property(f => f.UpdatedBy).HasMaxLength(200);
    }
}
