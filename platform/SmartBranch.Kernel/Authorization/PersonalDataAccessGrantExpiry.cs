using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartBranch.Kernel.Authorization;

/// <summary>Audits grants whose time ran out, once a minute, on worker processes.</summary>
internal sealed partial class PersonalDataAccessGrantExpiry(
    IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<PersonalDataAccessGrantExpiry> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PersonalDataAccessGrants>().RecordExpiriesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording expired personal-data access grants failed; it will retry.")]
    private partial void LogSweepFailed(Exception exception);
}
