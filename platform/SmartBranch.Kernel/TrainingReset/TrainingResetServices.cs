using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.LineWebhooks;

namespace SmartBranch.Kernel.TrainingReset;

public static class TrainingResetServices
{
    /// <summary>A module's part of the training reset; resolved in the scope of the staging environment being reset.</summary>
    public static IServiceCollection AddStagingDataEraser<TEraser>(this IServiceCollection services)
        where TEraser : class, IStagingDataEraser
    {
        services.AddScoped<IStagingDataEraser, TEraser>();
        return services;
    }

    internal static IServiceCollection AddSmartBranchTrainingReset(this IServiceCollection services)
    {
        services.AddHttpClient(EmulatorFriends.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<EmulatorFriends>();
        services.AddSingleton<StagingMediaFiles>();
        services.AddScoped<IStagingDataReset, StagingDataReset>();
        services.AddStagingDataEraser<LineWebhookEventsStagingEraser>();
        return services;
    }
}
