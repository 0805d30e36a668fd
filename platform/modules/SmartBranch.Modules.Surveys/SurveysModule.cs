using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Editing;
using SmartBranch.Modules.Surveys.Images;
using SmartBranch.Modules.Surveys.Invitations;
using SmartBranch.Modules.Surveys.Persistence;
using SmartBranch.Modules.Surveys.PublicComments;
using SmartBranch.Modules.Surveys.PublicComments.Commenting;
using SmartBranch.Modules.Surveys.TrainingReset;

namespace SmartBranch.Modules.Surveys;

/// <summary>
/// Surveys (アンケート). Staff write and publish them through <see cref="SurveyEditor"/>; residents answer them on the
/// LIFF page <c>/r/{tenant}/{env}/surveys/{id}</c> (<see cref="SurveyPageEndpoints"/>). Answers stay on our servers.
/// Staff invite residents through a delivery and set a reminder for those who have not answered (<see cref="ISurveyInvitations"/>).
/// </summary>
public sealed class SurveysModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("surveys", "アンケート", ["residents", "broadcast"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<SurveysModelContribution>();
        services.AddStagingDataEraser<SurveysStagingEraser>();
        services.AddSingleton<IPermissionProvider, SurveysPermissions>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped<SurveyImages>();
        services.AddScoped<SurveyImageIntake>();
        services.AddScoped(sp => new SurveyEditor(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<ICurrentTenant>(),
            sp.GetRequiredService<ITenantScopeFactory>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ISurveyEditor>(sp => sp.GetRequiredService<SurveyEditor>());
        services.AddScoped(sp => new SurveyResults(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<ISegmentCatalog>(),
            sp.GetRequiredService<SurveyImages>()));
        services.AddScoped<ISurveyInvitations, SurveyInvitations>();
        services.AddScoped<SurveyReminding>();
        var worker = configuration.GetValue("Server:Roles", ServerRoles.All).HasFlag(ServerRoles.Worker);
        if (worker)
        {
            services.AddHostedService<SurveyReminderSender>();
        }

        services.AddPublicComments(worker);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSurveyPages();
        endpoints.MapPublicCommentPages();
    }
}
