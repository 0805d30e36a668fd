using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartBranch.Kernel.BackgroundWork;

/// <summary>
/// A background loop that works through what is due, then sleeps until its signal fires (work
/// stored by this process) or the poll interval passes (work stored by another process).
/// </summary>
public abstract partial class PollingWorker(WorkSignal signal, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(logger, GetType().Name, e);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <returns>How many items were handled; while there are some, the loop goes on at once.</returns>
    protected internal abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} failed; it will try again.")]
    private static partial void LogLoopFailed(ILogger logger, string worker, Exception exception);
}
