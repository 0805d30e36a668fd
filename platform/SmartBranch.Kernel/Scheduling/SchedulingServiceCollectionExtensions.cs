using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace SmartBranch.Kernel.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz's table prefix; the tables are part of the PostgreSQL migrations.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>
    /// Runs the declared <see cref="ScheduledJob"/>s on worker processes: with Quartz's job store clustered on
    /// PostgreSQL when <paramref name="postgresConnectionString"/> is given (every worker takes part; each firing
    /// runs on one), else in memory (the embedded default is one process). Web-only processes schedule nothing.
    /// </summary>
    public static IServiceCollection AddSmartBranchScheduling(this IServiceCollection services, ServerRoles roles, string? postgresConnectionString)
    {
        if (!roles.HasFlag(ServerRoles.Worker))
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "SmartBranch");
            quartz.AddJobType<ScheduledJobExecution>();
            if (postgresConnectionString is null)
            {
                quartz.UseInMemoryStore();
                return;
            }

            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(postgresConnectionString);
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = TablePrefix;
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(10);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                });
            });
        });
        services.AddHostedService<ScheduledJobDeclarations>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
