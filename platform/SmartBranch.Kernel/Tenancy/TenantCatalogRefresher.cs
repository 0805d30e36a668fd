using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Loads the database part of the <see cref="TenantCatalog"/>: at start-up, right after a change
/// made in this process, and every <c>Tenants:RefreshInterval</c> (default 10 s) for changes made
/// by another process.
/// </summary>
internal sealed partial class TenantCatalogRefresher(
    IServiceScopeFactory scopeFactory,
    TenantCatalog catalog,
    LineChannelCredentialProtector protector,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<TenantCatalogRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Serialized so that a slow periodic load cannot overwrite a newer one that finished first.
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
            var tenants = await db.TenantRecords.AsNoTracking().ToListAsync(cancellationToken);
            var channels = (await db.TenantLineChannels.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.TenantSlug);
            catalog.Apply(tenants
                .Select(t => new StoredTenant(
                    t.Slug, t.Name, t.NameEn, t.EnvironmentNames, t.Status,
                    channels[t.Slug].ToDictionary(c => c.EnvironmentName, Decrypt, StringComparer.Ordinal)))
                .ToList());
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Tenants:RefreshInterval", TimeSpan.FromSeconds(10)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }
        }
    }

    private LineChannelInput Decrypt(TenantLineChannelRecord channel) => new(
        channel.Mode,
        channel.ChannelId,
        protector.Unprotect(channel.ProtectedChannelSecret, channel.TenantSlug, channel.EnvironmentName),
        protector.Unprotect(channel.ProtectedChannelAccessToken, channel.TenantSlug, channel.EnvironmentName),
        channel.ApiBaseUrl is null ? null : new Uri(channel.ApiBaseUrl),
        channel.DataApiBaseUrl is null ? null : new Uri(channel.DataApiBaseUrl),
        channel.LoginChannelId,
        channel.LiffId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading tenants from the database failed; the previous catalog stays in use.")]
    private partial void LogRefreshFailed(Exception exception);
}
