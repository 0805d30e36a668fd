using SmartBranch.Identity.Security;
using SmartBranch.Kernel.Scheduling;

namespace SmartBranch.Server.Backups;

internal static class BackupServices
{
    public static WebApplicationBuilder AddSmartBranchBackups(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(BackupOptions.Section);
        if (!builder.Environment.IsLocal())
        {
            BackupEncryption.ParseKey(section["EncryptionKey"]);
        }

        builder.Services.Configure<BackupOptions>(section);
        builder.Services.AddSingleton<BackupService>();
        var options = section.Get<BackupOptions>() ?? new BackupOptions();
        if (options.Scheduled)
        {
            builder.Services.AddScheduledJob<ScheduledBackups>(
                ScheduledBackups.JobName, JobSchedule.DailyAt(options.DailyAt), (job, ct) => job.RunAsync(ct), (job, ct) => job.IsOverdueAsync(ct));
        }

        return builder;
    }
}
