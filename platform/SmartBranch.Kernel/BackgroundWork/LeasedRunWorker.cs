using Microsoft.Extensions.Logging;

namespace SmartBranch.Kernel.BackgroundWork;

/// <summary>
/// A background loop over long runs (a delivery's send, a rich menu's bulk links) that workers share through a lease:
/// each pass claims up to <see cref="RunsAtOnce"/> free runs under a new claim token, in any tenant, and executes them
/// side by side. A run that fails is logged and left to its lease, so another pass resumes it.
/// </summary>
public abstract partial class LeasedRunWorker : PollingWorker
{
    protected const int RunsAtOnce = 4;

    private readonly ILogger _logger;

    protected LeasedRunWorker(WorkSignal signal, ILogger logger) : base(signal, logger) => _logger = logger;

    protected internal sealed override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var claimed = await ClaimAsync(claim, cancellationToken);
        await Parallel.ForEachAsync(claimed, cancellationToken, async (run, ct) =>
        {
            try
            {
                await ExecuteAsync(run, claim, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(_logger, GetType().Name, run.Id, e);
            }
        });
        return claimed.Count;
    }

    /// <summary>Leases at most <see cref="RunsAtOnce"/> free runs to <paramref name="claim"/> and returns those it got.</summary>
    protected abstract Task<IReadOnlyList<ClaimedRun>> ClaimAsync(Guid claim, CancellationToken cancellationToken);

    protected abstract Task ExecuteAsync(ClaimedRun run, Guid claim, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker}: run {RunId} failed; another pass resumes it.")]
    private static partial void LogRunFailed(ILogger logger, string worker, Guid runId, Exception exception);
}

/// <summary>A run a worker holds the lease of, and the tenant environment it belongs to.</summary>
public sealed record ClaimedRun(Guid Id, string TenantSlug, string EnvironmentName);
