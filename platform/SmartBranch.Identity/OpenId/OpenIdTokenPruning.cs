using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace SmartBranch.Identity.OpenId;

/// <summary>
/// Deletes OpenIddict tokens and authorizations that are no longer valid (expired, redeemed or
/// revoked) once they are two weeks old, every hour, so the tables grow with staff, not with time.
/// What OpenIddict.Quartz schedules; that package is not on our package source, and deleting is
/// harmless when several processes do it at once.
/// </summary>
internal sealed partial class OpenIdTokenPruning(
    IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<OpenIdTokenPruning> logger) : BackgroundService
{
    /// <summary>Kept this long for investigating a sign-in problem before being pruned (OpenIddict's own default).</summary>
    internal static readonly TimeSpan MinimumAge = TimeSpan.FromDays(14);

    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPruningFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var threshold = clock.GetUtcNow() - MinimumAge;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        if (tokens + authorizations > 0)
        {
            LogPruned(tokens, authorizations);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} OpenID tokens and {Authorizations} authorizations no longer valid.")]
    private partial void LogPruned(long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning OpenID tokens failed; it will try again within the hour.")]
    private partial void LogPruningFailed(Exception exception);
}
