using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Records what the console asks for; <see cref="Refusal"/> makes the next change fail as the real one would.</summary>
internal sealed class FakeTenantAdministration : ITenantAdministration
{
    public static readonly Uri PublicBase = new("https://smartbranch.example.jp/");

    public List<NewTenant> Created { get; } = [];

    public List<(string Tenant, string Environment, LineChannelInput Channel)> ChannelUpdates { get; } = [];

    public List<(string Tenant, TenantStatus Status, string Reason)> StatusChanges { get; } = [];

    public string? Refusal { get; set; }

    public LineConnectionTestResult ConnectionTestResult { get; set; } =
        new(true, 200, "平川市公式", "@hirakawa", "LINE に接続できました。", "req-1");

    public Task<TenantDefinition> CreateAsync(NewTenant tenant, CancellationToken cancellationToken)
    {
        Refuse();
        Created.Add(tenant);
        var unconfigured = new TenantLineSettings(LineMode.Line, null, null, null, new Uri("https://api.line.me"), new Uri("https://api-data.line.me"), null, null);
        return Task.FromResult(new TenantDefinition(
            tenant.Slug, tenant.Name, tenant.NameEn, "", tenant.Environments.Select(e => new TenantEnvironment(e, unconfigured)).ToList()));
    }

    public Task UpdateLineChannelAsync(string tenantSlug, string environmentName, LineChannelInput channel, CancellationToken cancellationToken)
    {
        Refuse();
        ChannelUpdates.Add((tenantSlug, environmentName, channel));
        return Task.CompletedTask;
    }

    public Task<LineConnectionTestResult> TestLineConnectionAsync(string tenantSlug, string environmentName, CancellationToken cancellationToken) =>
        Task.FromResult(ConnectionTestResult);

    public Task SetStatusAsync(string tenantSlug, TenantStatus status, string reason, CancellationToken cancellationToken)
    {
        Refuse();
        StatusChanges.Add((tenantSlug, status, reason));
        return Task.CompletedTask;
    }

    public Uri WebhookUrl(string tenantSlug, string environmentName) => new(PublicBase, $"line/{tenantSlug}/{environmentName}/webhook");

    private void Refuse()
    {
        if (Refusal is { } message)
        {
            throw new TenantAdministrationException(message);
        }
    }
}
