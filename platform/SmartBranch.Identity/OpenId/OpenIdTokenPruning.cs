using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace SmartBranch.Identity.OpenId;

/// <summary>
/// Deletes OpenIddict tokens and authorizations that are no longer valid (expired, redeemed or revoked) once they
/// are two weeks old, so the tables grow with staff, not with time: a scheduled job, every hour (what
/// OpenIddict.Quartz schedules; that package is not on our package source).
/// </summary>
internal sealed partial class OpenIdTokenPruning(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<OpenIdTokenPruning> logger)
{
    public const string JobName = "openid-token-pruning";

    /// <summary>Kept this long for investigating a sign-in problem before being pruned (OpenIddict's own default).</summary>
    internal static readonly TimeSpan MinimumAge = TimeSpan.FromDays(14);

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
}
