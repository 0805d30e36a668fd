using Microsoft.Extensions.Options;
using SmartBranch.Identity.Security;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Backups;
using SmartBranch.Kernel.Storage;

namespace SmartBranch.Server.Backups;

internal static class BackupServices
{
    public static WebApplicationBuilder AddSmartBranchBackups(this WebApplicationBuilder builder, ServerRoles roles)
    {
        var section = builder.Configuration.GetSection(BackupOptions.Section);
        if (!builder.Environment.IsLocal())
        {
            BackupEncryption.ParseKey(section["EncryptionKey"]);
        }

        builder.Services.AddBackupsAndDrills(section);
        if (roles.HasFlag(ServerRoles.Worker) && section.GetValue(nameof(BackupOptions.Scheduled), true))
        {
            builder.Services.AddHostedService<ScheduledBackups>();
            if (section.GetValue($"{nameof(BackupOptions.Drill)}:{nameof(RestoreDrillOptions.Scheduled)}", true))
            {
                builder.Services.AddHostedService<ScheduledRestoreDrills>();
            }
        }

        if (roles.HasFlag(ServerRoles.Worker))
        {
            builder.Services.AddHostedService<BackupMetrics>();
        }

        return builder;
    }

    /// <summary>The store named by <c>Backups:Store</c>, the backup service, the restore drill and the console's overview.</summary>
    public static IServiceCollection AddBackupsAndDrills(this IServiceCollection services, IConfigurationSection section)
    {
        services.Configure<BackupOptions>(section);
        services.AddSingleton<IBackupStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BackupOptions>>().Value;
            return options.Store == StoreKind.S3
                ? new S3BackupStore(options.S3)
                : new DirectoryBackupStore(Path.GetFullPath(options.Directory, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        });
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreDrill>();
        services.AddSingleton<IBackupOverview, BackupOverview>();
        return services;
    }
}
