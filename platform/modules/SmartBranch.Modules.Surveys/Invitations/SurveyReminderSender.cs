using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.BackgroundWork;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Surveys.Domain;

namespace SmartBranch.Modules.Surveys.Invitations;

/// <summary>
/// Sends the reminders that are due, in every tenant environment, one page of residents at a time
/// (<see cref="SurveyReminding"/>). Due is worked out from each survey's current close time, so a changed deadline
/// moves its reminder with it. Nothing staff store is due at once, so the sender only polls.
/// </summary>
internal sealed partial class SurveyReminderSender(
    IServiceScopeFactory scopeFactory,
    ITenantScopeFactory tenantScopes,
    TimeProvider clock,
    ILogger<SurveyReminderSender> logger) : PollingWorker(new WorkSignal(), logger)
{
    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(Guid SurveyId, string Tenant, string Environment)> due;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            // The sender serves every tenant, so it reads past the tenant filter; each reminder is then sent inside
            // its own tenant's scope. Waiting reminders are few, so their due times are compared here.
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var waiting = await db.Set<SurveyReminder>().IgnoreQueryFilters()
                .Where(r => r.State == SurveyReminderState.Scheduled || r.State == SurveyReminderState.Sending)
                .Join(db.Set<Survey>().IgnoreQueryFilters(), r => r.SurveyId, s => s.Id, (r, s) => new { r.SurveyId, r.TenantSlug, r.EnvironmentName, r.State, r.HoursBeforeClose, s.ClosesAt })
                .ToListAsync(cancellationToken);
            due = waiting
                .Where(r => r.State == SurveyReminderState.Sending || r.ClosesAt.AddHours(-r.HoursBeforeClose) <= now)
                .Select(r => (r.SurveyId, r.TenantSlug, r.EnvironmentName))
                .ToList();
        }

        var handled = 0;
        foreach (var (surveyId, tenant, environment) in due)
        {
            try
            {
                await using var scope = tenantScopes.CreateScope(tenant, environment);
                handled += await scope.ServiceProvider.GetRequiredService<SurveyReminding>().SendNextAsync(surveyId, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReminderFailed(surveyId, e);
            }
        }

        return handled;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The reminder of survey {SurveyId} failed; it is tried again.")]
    private partial void LogReminderFailed(Guid surveyId, Exception exception);
}
