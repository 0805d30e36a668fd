using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Modules.RichMenus.Features.ImportFiles;

/// <summary>
/// When the server starts, each tenant environment gets the menus of its tenant's files it has not imported yet:
/// a new environment starts with the city's menus, and staff edits are never touched.
/// </summary>
internal sealed partial class RichMenuFilesAtStartup(ITenantCatalog tenants, ITenantScopeFactory scopes, ILogger<RichMenuFilesAtStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var definition in tenants.Tenants.Where(t => !string.IsNullOrEmpty(t.DirectoryPath)))
        {
            foreach (var environment in definition.Environments)
            {
                try
                {
                    await using var scope = scopes.CreateScope(definition.Slug, environment.Name);
                    var result = await scope.ServiceProvider.GetRequiredService<RichMenuFileImporter>().ImportFilesAsync(stoppingToken);
                    if (result.Imported.Count > 0 || result.Skipped.Count > 0)
                    {
                        LogImported(logger, definition.Slug, environment.Name, result.Imported.Count, result.Skipped.Count);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, definition.Slug, environment.Name, e);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rich menus of {Tenant}/{Environment}: {Imported} imported from the tenant's files, {Skipped} left out.")]
    private static partial void LogImported(ILogger logger, string tenant, string environment, int imported, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Importing the rich menus of {Tenant}/{Environment} from the tenant's files failed.")]
    private static partial void LogFailed(ILogger logger, string tenant, string environment, Exception exception);
}
