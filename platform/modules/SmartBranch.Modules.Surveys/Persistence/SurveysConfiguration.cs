using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartBranch.Modules.Surveys.Domain;

namespace SmartBranch.Modules.Surveys.Persistence;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("surveys_surveys");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantSlug).HasMaxLength(40);
        builder.Property(s => s.EnvironmentName).HasMaxLength(20);
        builder.Property(s => s.Title).HasMaxLength(Survey.MaxTitleLength);
        builder.Property(s => s.Description).HasMaxLength(Survey.MaxDescriptionLength);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RespondentSalt).HasMaxLength(32);
        builder.Property(s => s.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(s => new { s.TenantSlug, s.EnvironmentName, s.CreatedAt });
    }
}

internal sealed class SurveyFormVersionConfiguration : IEntityTypeConfiguration<SurveyFormVersion>
{
    public void Configure(EntityTypeBuilder<SurveyFormVersion> builder)
    {
        builder.ToTable("surveys_form_versions");
        builder.HasKey(v => new { v.SurveyId, v.Version });
        builder.Property(v => v.TenantSlug).HasMaxLength(40);
        builder.Property(v => v.EnvironmentName).HasMaxLength(20);
        builder.HasOne<Survey>().WithMany().HasForeignKey(v => v.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("surveys_responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantSlug).HasMaxLength(40);
        builder.Property(r => r.EnvironmentName).HasMaxLength(20);
        builder.Property(r => r.SubmissionKey).HasMaxLength(SurveyResponse.MaxSubmissionKeyLength);
        builder.Property(r => r.LineUserId).HasMaxLength(40);
        builder.Property(r => r.SegmentsJson).HasMaxLength(1000);
        builder.Property(r => r.UpdatedAt).IsConcurrencyToken();
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SurveyId, r.SubmissionKey }).IsUnique();
        builder.HasIndex(r => new { r.SurveyId, r.LineUserId });
        builder.HasIndex(r => new { r.SurveyId, r.SubmittedAt });
    }
}

internal sealed class SurveyRespondentConfiguration : IEntityTypeConfiguration<SurveyRespondent>
{
    public void Configure(EntityTypeBuilder<SurveyRespondent> builder)
    {
        builder.ToTable("surveys_respondents");
        builder.HasKey(r => new { r.SurveyId, r.RespondentHash });
        builder.Property(r => r.RespondentHash).HasMaxLength(64);
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("surveys_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantSlug).HasMaxLength(40);
        builder.Property(i => i.EnvironmentName).HasMaxLength(20);
        builder.Property(i => i.RequestedBy).HasMaxLength(200);
        builder.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.SurveyId);
        builder.HasIndex(i => i.DeliveryId).IsUnique();
    }
}

internal sealed class SurveyReminderConfiguration : IEntityTypeConfiguration<SurveyReminder>
{
    public void Configure(EntityTypeBuilder<SurveyReminder> builder)
    {
        builder.ToTable("surveys_reminders");
        builder.HasKey(r => r.SurveyId);
        builder.Property(r => r.TenantSlug).HasMaxLength(40);
        builder.Property(r => r.EnvironmentName).HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Continuation).HasMaxLength(1000);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.ChangedBy).HasMaxLength(200);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Survey>().WithOne().HasForeignKey<SurveyReminder>(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.State);
    }
}
