using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.Persistence;

internal sealed class SurveysModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new SurveyConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyFormVersionConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyResponseConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyRespondentConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyInvitationConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyReminderConfiguration());
    }
}
