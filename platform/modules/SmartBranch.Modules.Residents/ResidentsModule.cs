using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Line.Webhooks;
using SmartBranch.Modules.Residents.Audience;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.DataExport;
using SmartBranch.Modules.Residents.Directory;
using SmartBranch.Modules.Residents.Persistence;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Residents.Segments;
using SmartBranch.Modules.Residents.Segments.Editing;
using SmartBranch.Modules.Residents.Statistics;
using SmartBranch.Modules.Residents.TrainingReset;
using SmartBranch.Modules.Residents.Webhook;
using SmartBranch.Modules.Residents.Welcome;

namespace SmartBranch.Modules.Residents;

public sealed class ResidentsModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("residents", "住民");

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<ResidentsModelContribution>();
        services.AddStagingDataEraser<ResidentsStagingEraser>();
        services.AddScoped<IStagingDemoResidents, StagingDemoResidents>();
        services.AddSingleton<IPermissionProvider, ResidentsPermissions>();
        services.AddSingleton<WelcomeMessages>();
        services.AddScoped<ILineWebhookEventHandler<FollowEvent>, ResidentsFollowHandler>();
        services.AddScoped<ILineWebhookEventHandler<UnfollowEvent>, ResidentsUnfollowHandler>();
        services.AddScoped<ILineRecipientPolicy, ResidentsRecipientPolicy>();
        services.AddScoped<IResidentStatistics, ResidentStatistics>();
        services.AddSingleton<SegmentCatalogFiles>();
        services.AddScoped<ISegmentCatalogSource, StoredSegmentCatalogs>();
        services.AddScoped<ISegmentCatalogEditor, SegmentCatalogEditor>();
        services.AddScoped<ISegmentCatalog, SegmentCatalog>();
        services.AddScoped<ResidentAudience>();
        services.AddScoped<IResidentAudience>(sp => sp.GetRequiredService<ResidentAudience>());
        services.AddScoped<IResidentMembership>(sp => sp.GetRequiredService<ResidentAudience>());
        services.AddScoped<ResidentPreferences>();
        services.AddTenantDataExportContributor<ResidentsDataExport>();
        services.AddScoped<IResidentDirectory, ResidentDirectory>();
        services.AddScoped<IResidentFriends, ResidentFriends>();
        services.AddScoped<IResidentSegmentProfile, ResidentSegmentProfile>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapPreferences();
}
