using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Modules;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.Modules.RichMenus.Features.ValidateMenus;
using SmartBranch.Modules.RichMenus.Persistence;

namespace SmartBranch.Modules.RichMenus;

/// <summary>The tenant environment's LINE rich menus; <see cref="IRichMenuEditor"/> is what the portal calls.</summary>
public sealed class RichMenusModule : ISmartBranchModule
{
    public ModuleDescriptor Descriptor { get; } = new("richmenus", "リッチメニュー");

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelContribution<RichMenusModelContribution>();
        services.AddSingleton<IPermissionProvider, RichMenuPermissions>();
        services.AddScoped<IRichMenuEditor, RichMenuEditor>();
        services.AddScoped<RichMenuLineValidator>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
