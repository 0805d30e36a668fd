using Microsoft.Extensions.Options;
using SmartBranch.Identity.Security;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Backups;
using SmartBranch.Kernel.Scheduling;
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
        var options = section.Get<BackupOptions>() ?? new BackupOptions();
        if (options.Scheduled)
        {
            builder.Services.AddScheduledJob<ScheduledBackups>(
                ScheduledBackups.JobName, JobSchedule.DailyAt(options.DailyAt), (job, ct) => job.RunAsync(ct), (job, ct) => job.IsOverdueAsync(ct));
            if (options.Drill.Scheduled)
            {
                builder.Services.AddScheduledJob<RestoreDrill>(
                    RestoreDrill.JobName, JobSchedule.WeeklyAt(options.Drill.Day, options.Drill.At), (drill, ct) => drill.RunAsync(ct));
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
