using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Kernel.Health;

/// <summary>
/// Readiness of each environment's LINE settings. An environment whose channel is not set up yet is
/// inactive (degraded, the server still serves the others); one set up halfway is unhealthy.
/// </summary>
internal sealed class LineSettingsHealthCheck(ITenantCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var inactive = new List<string>();
        var broken = new List<string>();
        foreach (var tenant in catalog.Tenants)
        {
            foreach (var environment in tenant.Environments)
            {
                var key = $"{tenant.Slug}/{environment.Name}";
                var line = environment.Line;
                var state = (line.ChannelSecret is null, line.ChannelAccessToken is null) switch
                {
                    (false, false) => "configured",
                    (true, true) => "inactive",
                    _ => "incomplete",
                };
                data[key] = $"{state} ({line.Mode})";
                if (state == "inactive")
                {
                    inactive.Add(key);
                }
                else if (state == "incomplete")
                {
                    broken.Add(key);
                }
            }
        }

        var result = broken.Count > 0
            ? HealthCheckResult.Unhealthy($"LINE channel secret or access token missing for {string.Join(", ", broken)}.", data: data)
            : inactive.Count > 0
                ? HealthCheckResult.Degraded($"No LINE channel configured yet for {string.Join(", ", inactive)} (inactive).", data: data)
                : HealthCheckResult.Healthy("Every environment has its LINE channel.", data);
        return Task.FromResult(result);
    }
}
