using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Modules;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.Modules.RichMenus.Features.ValidateMenus;
using SmartBranch.Modules.RichMenus.Features.ImportFiles;
using SmartBranch.Modules.RichMenus.Features.LinkResidents;
using SmartBranch.Modules.RichMenus.Features.Publish;
using SmartBranch.Modules.RichMenus.Persistence;
using SmartBranch.Modules.RichMenus.TrainingReset;

namespace SmartBranch.Modules.RichMenus;

/// <summary>
/// The tenant environment's LINE rich menus: <see cref="IRichMenuEditor"/>, <see cref="IRichMenuPublisher"/>,
/// <see cref="IRichMenuFileImporter"/>, <see cref="IRichMenuLinks"/> and <see cref="IDisasterMode"/> are what the portal calls;
/// the linker runs on workers.
/// </summary>
public sealed class RichMenusModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("richmenus", "リッチメニュー", ["broadcast", "residents"]);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<RichMenusModelContribution>();
        services.AddStagingDataEraser<RichMenusStagingEraser>();
        services.AddSingleton<IPermissionProvider, RichMenuPermissions>();
        services.AddScoped<IRichMenuEditor, RichMenuEditor>();
        services.AddScoped<RichMenuLineValidator>();

        services.AddScoped<RichMenuFileImporter>();
        services.AddScoped<IRichMenuFileImporter>(sp => sp.GetRequiredService<RichMenuFileImporter>());
        services.AddScoped<RichMenuCreationLimit>();
        services.AddScoped<RichMenuLine>();
        services.AddScoped<RichMenuRelease>();
        services.AddScoped<RichMenuPromotion>();
        services.AddScoped<IRichMenuPublisher, RichMenuPublisher>();
        services.AddScoped<DisasterModeSwitch>();
        services.AddScoped<IDisasterMode>(sp => sp.GetRequiredService<DisasterModeSwitch>());
        services.AddSingleton<RichMenuLinkSignal>();
        services.AddScoped<IRichMenuLinks, RichMenuLinks>();
        services.AddBusConsumer<RichMenuOfJoiningResident>();

        if (configuration.GetValue("Server:Roles", ServerRoles.All).HasFlag(ServerRoles.Worker))
        {
            services.AddHostedService<RichMenuFilesAtStartup>();
            services.AddSingleton<RichMenuLinkRunExecutor>();
            services.AddHostedService<RichMenuLinker>();
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDisasterModeApi();
}
