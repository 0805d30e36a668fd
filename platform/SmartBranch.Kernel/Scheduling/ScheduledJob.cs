using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartBranch.Kernel.Scheduling;

/// <summary>One firing of a scheduled job.</summary>
/// <param name="ScheduledFor">The time it was due (null when started at once, as the catch-up at start is).</param>
/// <param name="Process">The scheduler instance running it, one per worker process.</param>
public sealed record ScheduledJobRun(DateTimeOffset? ScheduledFor, string Process);

/// <summary>
/// Periodic work a module declares: run on worker processes only, by exactly one of them per firing, never two
/// runs of one job at once. Declare with <see cref="ScheduledJobServiceCollectionExtensions.AddScheduledJob{TService}(IServiceCollection, string, JobSchedule, Func{TService, CancellationToken, Task}, Func{TService, CancellationToken, Task{bool}}?)"/>.
/// </summary>
public sealed class ScheduledJob
{
    internal ScheduledJob(
        string name, JobSchedule schedule, Func<IServiceProvider, ScheduledJobRun, CancellationToken, Task> run,
        Func<IServiceProvider, CancellationToken, Task<bool>>? dueAtStart)
    {
        Name = name;
        Schedule = schedule;
        Run = run;
        DueAtStart = dueAtStart;
    }

    /// <summary>The job's identity in the schedule store; renaming a job leaves the old name behind.</summary>
    public string Name { get; }

    public JobSchedule Schedule { get; }

    internal Func<IServiceProvider, ScheduledJobRun, CancellationToken, Task> Run { get; }

    internal Func<IServiceProvider, CancellationToken, Task<bool>>? DueAtStart { get; }
}

public static class ScheduledJobServiceCollectionExtensions
{
    /// <summary>
    /// Declares a scheduled job: on each firing, <paramref name="run"/> is called with a <typeparamref name="TService"/>
    /// from a scope of its own (registered as scoped here unless already registered). When <paramref name="dueAtStart"/>
    /// answers true as a worker starts, the job also runs at once (the catch-up after the server was down at its time).
    /// </summary>
    public static IServiceCollection AddScheduledJob<TService>(
        this IServiceCollection services, string name, JobSchedule schedule, Func<TService, CancellationToken, Task> run,
        Func<TService, CancellationToken, Task<bool>>? dueAtStart = null)
        where TService : class =>
        services.AddScheduledJob<TService>(name, schedule, (service, _, cancellationToken) => run(service, cancellationToken), dueAtStart);

    /// <summary>The same, for a job that needs to know which firing it is.</summary>
    public static IServiceCollection AddScheduledJob<TService>(
        this IServiceCollection services, string name, JobSchedule schedule, Func<TService, ScheduledJobRun, CancellationToken, Task> run,
        Func<TService, CancellationToken, Task<bool>>? dueAtStart = null)
        where TService : class
    {
        if (services.Any(d => d.ImplementationInstance is ScheduledJob job && job.Name == name))
        {
            throw new InvalidOperationException($"A scheduled job named '{name}' is already declared.");
        }

        services.TryAddScoped<TService>();
        services.AddSingleton(new ScheduledJob(
            name,
            schedule,
            (provider, firing, cancellationToken) => run(provider.GetRequiredService<TService>(), firing, cancellationToken),
            dueAtStart is null ? null : (provider, cancellationToken) => dueAtStart(provider.GetRequiredService<TService>(), cancellationToken)));
        return services;
    }
}
