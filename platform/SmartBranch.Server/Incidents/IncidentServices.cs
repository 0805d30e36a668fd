using SmartBranch.Kernel;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Scheduling;

namespace SmartBranch.Server.Incidents;

internal static class IncidentServices
{
    /// <summary>The server's alert rules, the evaluator (a scheduled job) and notifications; request counting on web processes.</summary>
    public static IServiceCollection AddSmartBranchIncidentAlerts(this IServiceCollection services, IConfiguration configuration, ServerRoles roles)
    {
        services.Configure<IncidentOptions>(configuration.GetSection(IncidentOptions.Section));
        services.AddScoped<IAlertRule, WebhookFailureAlertRule>();
        services.AddScoped<IAlertRule, ServerErrorRateAlertRule>();
        services.AddScoped<IAlertRule, BackupAlertRule>();
        services.AddScoped<IAlertRule, RestoreDrillAlertRule>();
        services.AddScoped<IAlertRule, DiskSpaceAlertRule>();
        services.AddScoped<IncidentRecorder>();
        services.AddScoped<IncidentNotifier>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton(sp => new AlertEvaluatorStart(sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        services.AddHttpClient(IncidentNotifier.HttpClientName).AddStandardResilienceHandler();

        services.AddSingleton<RequestOutcomeCounter>();
        services.AddSingleton<RequestOutcomeWriter>();
        if (roles.HasFlag(ServerRoles.Web))
        {
            services.AddHostedService(sp => sp.GetRequiredService<RequestOutcomeWriter>());
        }

        var options = configuration.GetSection(IncidentOptions.Section).Get<IncidentOptions>() ?? new IncidentOptions();
        if (options.Scheduled)
        {
            services.AddScheduledJob<AlertEvaluator>("alert-evaluation", JobSchedule.Every(options.EvaluationInterval), (evaluator, ct) => evaluator.EvaluateAsync(ct));
        }

        return services;
    }

    /// <summary>Counts request outcomes for the alert rules; call after <c>UseRouting</c>.</summary>
    public static IApplicationBuilder UseRequestOutcomeCounting(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestOutcomeMiddleware>();
}
