using SmartBranch.Identity.Security;
using SmartBranch.Kernel;

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

        builder.Services.Configure<BackupOptions>(section);
        builder.Services.AddSingleton<BackupService>();
        if (roles.HasFlag(ServerRoles.Worker) && section.GetValue(nameof(BackupOptions.Scheduled), true))
        {
            builder.Services.AddHostedService<ScheduledBackups>();
        }

        return builder;
    }
}
