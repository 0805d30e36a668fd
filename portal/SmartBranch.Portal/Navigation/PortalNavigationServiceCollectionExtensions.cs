using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Portal.Navigation;

public static class PortalNavigationServiceCollectionExtensions
{
    public static IServiceCollection AddPortalNavigation<TProvider>(this IServiceCollection services)
        where TProvider : class, IPortalNavigationProvider
    {
        services.AddSingleton<IPortalNavigationProvider, TProvider>();
        return services;
    }
}
