using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Maintenance;

public static class MaintenanceServices
{
    internal static IServiceCollection AddSmartBranchMaintenance(this IServiceCollection services)
    {
        services.AddScoped<IMaintenanceConsole, MaintenanceConsole>();
        services.AddScoped<IMaintenanceCalendar, MaintenanceCalendar>();
        return services;
    }

    /// <summary>Resident pages answer with the maintenance page during a window; call after tenant resolution.</summary>
    public static IApplicationBuilder UseMaintenanceWindows(this IApplicationBuilder app) => app.UseMiddleware<MaintenanceMiddleware>();
}
