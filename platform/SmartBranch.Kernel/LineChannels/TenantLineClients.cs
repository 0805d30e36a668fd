using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>The one place the kernel makes a LINE client for a tenant environment, so every failure is counted.</summary>
internal sealed class TenantLineClients(ILineMessagingClientFactory clients, LineApiFailureLog failures)
{
    public ILineMessagingClient For(string tenantSlug, TenantEnvironment environment) =>
        new FailureRecordingLineClient(
            clients.Create(environment.Line.ToChannel($"{tenantSlug}/{environment.Name}")), failures, tenantSlug, environment.Name);
}
