using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Server.Incidents;

/// <summary>
/// Writes this process's counted outcomes every <see cref="Interval"/> (and at shutdown), so the one
/// evaluator sees every web process's traffic; rows older than <see cref="Retention"/> are deleted by the evaluator.
/// </summary>
internal sealed partial class RequestOutcomeWriter(
    RequestOutcomeCounter counter, IServiceScopeFactory scopeFactory, ILogger<RequestOutcomeWriter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var counts = counter.Drain();
        if (counts.Count == 0)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        db.Set<RequestOutcomeCount>().AddRange(counts);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task PruneAsync(SmartBranchDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Retention;
        await using (await db.BeginWriteAsync(cancellationToken))
        {
            await db.Set<RequestOutcomeCount>().Where(c => c.Minute < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteLoggingFailureAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await WriteLoggingFailureAsync(CancellationToken.None);
    }

    private async Task WriteLoggingFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            LogWriteFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the request outcome counts; these minutes are lost to the alert rules.")]
    private partial void LogWriteFailed(Exception exception);
}
