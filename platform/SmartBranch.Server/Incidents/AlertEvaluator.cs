using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Server.Persistence;

namespace SmartBranch.Server.Incidents;

/// <summary>When this process first evaluated: "no backup yet" counts from here.</summary>
internal sealed record AlertEvaluatorStart(DateTimeOffset At);

/// <summary>
/// One evaluation: every rule, the incidents they open or resolve, the notifications. One process at a time
/// (a database turn), so two workers never open the same incident or notify twice.
/// </summary>
internal sealed partial class AlertEvaluator(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<AlertEvaluator> logger)
{
    /// <returns>False when another process holds the turn.</returns>
    public async Task<bool> EvaluateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SmartBranchDbContext>();
        await using var turn = await DatabaseTurns.TryTakeAsync(
            db.Database.ProviderName!, db.Database.GetConnectionString()!, DatabaseTurns.AlertEvaluation, cancellationToken);
        if (turn is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var firing = new List<FiringAlert>();
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in services.GetServices<IAlertRule>())
        {
            try
            {
                firing.AddRange(await rule.EvaluateAsync(now, cancellationToken));
                evaluated.Add(rule.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRuleFailed(e, rule.Id);
            }
        }

        var changes = await services.GetRequiredService<IncidentRecorder>().RecordAsync(firing, evaluated, now, cancellationToken);
        await services.GetRequiredService<IncidentNotifier>().NotifyAsync(changes, cancellationToken);
        await RequestOutcomeWriter.PruneAsync(db, now, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert rule {RuleId} could not be evaluated; its incidents stay as they are.")]
    private partial void LogRuleFailed(Exception exception, string ruleId);
}

/// <summary>Evaluates the alert rules every <see cref="IncidentOptions.EvaluationInterval"/> on worker processes.</summary>
internal sealed partial class ScheduledAlertEvaluation(
    AlertEvaluator evaluator, Microsoft.Extensions.Options.IOptions<IncidentOptions> options, TimeProvider clock, ILogger<ScheduledAlertEvaluation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.EvaluationInterval, clock, stoppingToken);
            try
            {
                await evaluator.EvaluateAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogEvaluationFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert evaluation failed; it runs again at the next interval.")]
    private partial void LogEvaluationFailed(Exception exception);
}
