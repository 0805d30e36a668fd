using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.Modules.Reports.Persistence;

internal sealed class ReportCaseConfiguration : IEntityTypeConfiguration<ReportCase>
{
    public void Configure(EntityTypeBuilder<ReportCase> builder)
    {
        builder.ToTable("reports_cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(20);
        builder.Property(c => c.ReceiptNumber).HasMaxLength(20);
        builder.Property(c => c.CategoryKey).HasMaxLength(40);
        builder.Property(c => c.DepartmentKey).HasMaxLength(40);
        // The default fills the cases filed before there was a source (all from LINE); EF always writes the value itself.
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ReportSource.Line).HasSentinel((ReportSource)(-1));
        builder.Property(c => c.SourceClient).HasMaxLength(ReportApiKey.MaxNameLength);
        builder.Property(c => c.ReporterLineUserId).HasMaxLength(40);
        builder.Property(c => c.PhotoId).HasMaxLength(40);
        builder.Property(c => c.SubmissionKey).HasMaxLength(ReportCase.MaxSubmissionKeyLength);
        builder.Property(c => c.MediaUrl).HasMaxLength(ReportCase.MaxMediaUrlLength);
        builder.Property(c => c.RoadManagerKey).HasMaxLength(40);
        builder.Property(c => c.Road).HasMaxLength(100);
        builder.Property(c => c.Address).HasMaxLength(ReportCase.MaxAddressLength);
        builder.Property(c => c.Comment).HasMaxLength(ReportCase.MaxCommentLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TenantSlug, c.EnvironmentName, c.ReceiptNumber }).IsUnique();
        builder.HasIndex(c => new { c.TenantSlug, c.EnvironmentName, c.ReportedAt });
        builder.HasIndex(c => new { c.TenantSlug, c.EnvironmentName, c.SubmissionKey }).IsUnique();
        builder.HasIndex(c => new { c.TenantSlug, c.EnvironmentName, c.CategoryKey, c.Status, c.ReportedAt });
    }
}

internal sealed class ReportCaseEntryConfiguration : IEntityTypeConfiguration<ReportCaseEntry>
{
    public void Configure(EntityTypeBuilder<ReportCaseEntry> builder)
    {
        builder.ToTable("reports_case_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantSlug).HasMaxLength(40);
        builder.Property(e => e.EnvironmentName).HasMaxLength(20);
        builder.Property(e => e.StaffUserId).HasMaxLength(100);
        builder.Property(e => e.StaffDisplayName).HasMaxLength(200);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(ReportCaseEntry.MaxNoteLength);
        builder.Property(e => e.ForwardedTo).HasMaxLength(ReportCaseEntry.MaxForwardedToLength);
        builder.HasOne<ReportCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class ReportReceiptCounterConfiguration : IEntityTypeConfiguration<ReportReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReportReceiptCounter> builder)
    {
        builder.ToTable("reports_receipt_counters");
        builder.HasKey(c => new { c.TenantSlug, c.EnvironmentName, c.Year });
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(20);
        builder.Property(c => c.Last).IsConcurrencyToken();
    }
}

internal sealed class ReportConversationConfiguration : IEntityTypeConfiguration<ReportConversation>
{
    public void Configure(EntityTypeBuilder<ReportConversation> builder)
    {
        builder.ToTable("reports_conversations");
        builder.HasKey(c => new { c.TenantSlug, c.EnvironmentName, c.LineUserId });
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(20);
        builder.Property(c => c.LineUserId).HasMaxLength(40);
        builder.Property(c => c.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CategoryKey).HasMaxLength(40);
        builder.Property(c => c.PhotoId).HasMaxLength(40);
        builder.Property(c => c.Address).HasMaxLength(ReportCase.MaxAddressLength);
        builder.Property(c => c.Comment).HasMaxLength(ReportCase.MaxCommentLength);
    }
}

internal sealed class ReportApiKeyConfiguration : IEntityTypeConfiguration<ReportApiKey>
{
    public void Configure(EntityTypeBuilder<ReportApiKey> builder)
    {
        builder.ToTable("reports_api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.TenantSlug).HasMaxLength(40);
        builder.Property(k => k.EnvironmentName).HasMaxLength(20);
        builder.Property(k => k.Name).HasMaxLength(ReportApiKey.MaxNameLength);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Hint).HasMaxLength(20);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Property(k => k.RevokedBy).HasMaxLength(200);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => new { k.TenantSlug, k.EnvironmentName, k.CreatedAt });
    }
}
