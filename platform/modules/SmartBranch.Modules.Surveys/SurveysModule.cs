using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Editing;
using SmartBranch.Modules.Surveys.Persistence;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Residents.Contracts;

namespace SmartBranch.Modules.Surveys;

/// <summary>
/// Surveys (アンケート). Staff write and publish them through <see cref="SurveyEditor"/>; residents answer them on the
/// LIFF page <c>/r/{tenant}/{env}/surveys/{id}</c> (<see cref="SurveyPageEndpoints"/>). Answers stay on our servers.
/// </summary>
public sealed class SurveysModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("surveys", "アンケート", ["residents"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<SurveysModelContribution>();
        services.AddSingleton<IPermissionProvider, SurveysPermissions>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped(sp => new SurveyEditor(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new SurveyResults(
            sp.GetRequiredService<SmartBranchDbContext>(), sp.GetRequiredService<ICurrentStaff>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<ISegmentCatalog>()));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSurveyPages();
}
