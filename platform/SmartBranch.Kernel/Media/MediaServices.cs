using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartBranch.Kernel.Media;

internal static class MediaServices
{
    public static IServiceCollection AddSmartBranchMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.TryAddSingleton<IMediaStore, FileSystemMediaStore>();
        services.AddScoped<IImageUploads, ImageUploads>();
        return services;
    }
}
