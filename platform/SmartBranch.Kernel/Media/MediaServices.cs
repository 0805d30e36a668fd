using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartBranch.Kernel.Storage;

namespace SmartBranch.Kernel.Media;

internal static class MediaServices
{
    public static IServiceCollection AddSmartBranchMedia(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MediaOptions.Section);
        services.Configure<MediaOptions>(section);
        if (section.GetValue(nameof(MediaOptions.Store), StoreKind.Directory) == StoreKind.S3)
        {
            services.TryAddSingleton<IMediaStore, S3MediaStore>();
        }
        else
        {
            services.TryAddSingleton<IMediaStore, FileSystemMediaStore>();
        }

        services.AddScoped<IImageUploads, ImageUploads>();
        return services;
    }
}
