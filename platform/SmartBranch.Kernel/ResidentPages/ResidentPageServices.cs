using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.ResidentPages;

internal static class ResidentPageServices
{
    public static IServiceCollection AddResidentPages(this IServiceCollection services)
    {
        services.AddHttpClient(LiffIdTokenVerifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<LiffIdTokenVerifier>();
        services.AddSingleton<ResidentSessions>();
        services.AddSingleton<ResidentSignIn>();
        services.AddSingleton(sp => new ResidentPageLinks(sp.GetRequiredService<Tenancy.PublicServerUrl>()));
        return services;
    }
}
