using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Server.Incidents;

/// <summary>When this process first evaluated: "no backup yet" counts from here.</summary>
internal sealed record AlertEvaluatorStart(DateTimeOffset At);

/// <summary>
/// One evaluation: every rule, the incidents they open or resolve, the notifications. Scheduled as a job that
/// runs on one worker at a time, so two workers never open the same incident or notify twice.
/// </summary>
internal sealed partial class AlertEvaluator(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<AlertEvaluator> logger)
{
    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SmartBranchDbContext>();
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
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert rule {RuleId} could not be evaluated; its incidents stay as they are.")]
    private partial void LogRuleFailed(Exception exception, string ruleId);
}
