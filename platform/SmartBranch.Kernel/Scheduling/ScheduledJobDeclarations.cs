using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace SmartBranch.Kernel.Scheduling;

/// <summary>
/// On a worker's start, stores every declared job and its trigger in the scheduler (replacing what an earlier
/// start stored, so a changed schedule takes effect), then starts at once the jobs due at start. Runs before
/// Quartz's own hosted service starts the scheduler.
/// </summary>
internal sealed partial class ScheduledJobDeclarations(
    ISchedulerFactory schedulers, IEnumerable<ScheduledJob> jobs, IServiceScopeFactory scopeFactory, TimeProvider clock,
    ILogger<ScheduledJobDeclarations> logger) : IHostedService
{
    public const string Group = "smartbranch";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var job in jobs)
        {
            var detail = JobBuilder.Create<ScheduledJobExecution>().WithIdentity(job.Name, Group).Build();
            await scheduler.ScheduleJob(detail, [job.Schedule.TriggerFor(detail.Key, clock)], ScheduleJobOptions.Replacing, cancellationToken);
            LogScheduled(job.Name, job.Schedule.Description);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        foreach (var job in jobs.Where(j => j.DueAtStart is not null))
        {
            if (await job.DueAtStart!(scope.ServiceProvider, cancellationToken))
            {
                await scheduler.TriggerJob(new JobKey(job.Name, Group), new JobDataMap(), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} runs {Schedule}.")]
    private partial void LogScheduled(string job, string schedule);
}
