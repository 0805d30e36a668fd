using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Line.Client;

namespace SmartBranch.Kernel.LineChannels;

internal static class LineChannelServices
{
    /// <summary>
    /// <see cref="ILineMessagingClient"/> is scoped and bound to the scope's tenant environment, so
    /// module code simply injects it and talks to its own channel (real LINE or the emulator); LINE's
    /// refusals are counted per tenant environment for the console (<see cref="LineApiFailureLog"/>).
    /// </summary>
    public static IServiceCollection AddTenantLineChannels(this IServiceCollection services)
    {
        services.AddSingleton<LineApiFailureLog>();
        services.AddSingleton<TenantLineClients>();
        services.AddScoped<ILineMessagingClient, CurrentTenantLineClient>();
        services.AddScoped<ILineMessenger, LineMessenger>();
        return services;
    }
}
