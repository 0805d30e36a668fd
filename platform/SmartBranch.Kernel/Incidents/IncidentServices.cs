using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.LineChannels;

namespace SmartBranch.Kernel.Incidents;

internal static class IncidentServices
{
    public static IServiceCollection AddSmartBranchIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlertThresholds>(configuration.GetSection(AlertThresholds.Section));
        services.AddScoped<IIncidentConsole, IncidentConsole>();
        services.AddScoped<IAlertRule, LineAuthenticationAlertRule>();
        return services;
    }
}
