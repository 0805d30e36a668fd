using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Persistence;

internal sealed class PublicCommentCaseConfiguration : IEntityTypeConfiguration<PublicCommentCase>
{
    public void Configure(EntityTypeBuilder<PublicCommentCase> builder)
    {
        builder.ToTable("public_comment_cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantSlug).HasMaxLength(40);
        builder.Property(c => c.EnvironmentName).HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(PublicCommentCase.MaxTitleLength);
        builder.Property(c => c.Department).HasMaxLength(PublicCommentCase.MaxDepartmentLength);
        builder.Property(c => c.Description).HasMaxLength(PublicCommentCase.MaxDescriptionLength);
        builder.Property(c => c.OpinionSummary).HasMaxLength(PublicCommentCase.MaxResultLength);
        builder.Property(c => c.CityResponse).HasMaxLength(PublicCommentCase.MaxResultLength);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.IdentityFields)
            .HasConversion(
                fields => string.Join(',', fields),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PublicCommentIdentityField>).ToList(),
                new ValueComparer<IReadOnlyList<PublicCommentIdentityField>>(
                    (a, b) => a!.SequenceEqual(b!), fields => fields.Aggregate(0, (hash, f) => HashCode.Combine(hash, f)), fields => fields.ToList()))
            .HasMaxLength(100);
        builder.Property(c => c.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TenantSlug, c.EnvironmentName, c.CreatedAt });
    }
}

internal sealed class PublicCommentDocumentConfiguration : IEntityTypeConfiguration<PublicCommentDocument>
{
    public void Configure(EntityTypeBuilder<PublicCommentDocument> builder)
    {
        builder.ToTable("public_comment_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.TenantSlug).HasMaxLength(40);
        builder.Property(d => d.EnvironmentName).HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(PublicCommentDocument.MaxTitleLength);
        builder.Property(d => d.MediaFileName).HasMaxLength(40);
        builder.HasOne<PublicCommentCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.CaseId, d.UploadedAt });
    }
}

internal sealed class PublicCommentOpinionConfiguration : IEntityTypeConfiguration<PublicCommentOpinion>
{
    public void Configure(EntityTypeBuilder<PublicCommentOpinion> builder)
    {
        builder.ToTable("public_comment_opinions");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.TenantSlug).HasMaxLength(40);
        builder.Property(o => o.EnvironmentName).HasMaxLength(20);
        builder.Property(o => o.SubmissionKey).HasMaxLength(PublicCommentOpinion.MaxSubmissionKeyLength);
        builder.Property(o => o.LineUserId).HasMaxLength(40);
        builder.HasOne<PublicCommentCase>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.CaseId, o.SubmissionKey }).IsUnique();
        builder.HasIndex(o => new { o.CaseId, o.SubmittedAt });
        builder.HasIndex(o => new { o.CaseId, o.LineUserId });
    }
}
