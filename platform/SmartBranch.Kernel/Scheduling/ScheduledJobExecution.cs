using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace SmartBranch.Kernel.Scheduling;

/// <summary>Quartz's side of every <see cref="ScheduledJob"/>: finds the declaration by the job's name and runs it in a scope of its own.</summary>
[DisallowConcurrentExecution]
internal sealed partial class ScheduledJobExecution(
    IServiceScopeFactory scopeFactory, IEnumerable<ScheduledJob> jobs, ILogger<ScheduledJobExecution> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        if (jobs.FirstOrDefault(j => j.Name == name) is not { } job)
        {
            // Stored by a version of the server that declared it; this one no longer does.
            LogUndeclared(name);
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        try
        {
            await job.Run(scope.ServiceProvider, new ScheduledJobRun(context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} is in the schedule store but declared by no module; it does nothing.")]
    private partial void LogUndeclared(string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; it runs again at its next time.")]
    private partial void LogFailed(Exception exception, string job);
}
