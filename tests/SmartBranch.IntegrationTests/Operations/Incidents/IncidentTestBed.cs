using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartBranch.Identity.Email;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Server.Backups;
using SmartBranch.Server.Incidents;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Operations.Incidents;

/// <summary>
/// The kernel with the server's alert rules, evaluator and notifier over a database of its own, a clock the test
/// moves, captured e-mail and a local listener for chat webhooks. Operators and Hirakawa's contacts are configured.
/// </summary>
internal sealed class IncidentTestBed : IAsyncDisposable
{
    public const string OperatorEmail = "ops@vendor.example";
    public const string CityEmail = "joho@city.hirakawa.example";
    public const string PublicOrigin = "https://smartbranch.example.jp";

    private readonly string _contentRoot;

    private IncidentTestBed(KernelHarness kernel, WebhookListener listener, CapturedEmails emails, string contentRoot)
    {
        Kernel = kernel;
        Listener = listener;
        Emails = emails;
        _contentRoot = contentRoot;
    }

    public KernelHarness Kernel { get; }
    public WebhookListener Listener { get; }
    public CapturedEmails Emails { get; }

    public AlertThresholds Thresholds => Kernel.Services.GetRequiredService<IOptions<AlertThresholds>>().Value;

    public static async Task<IncidentTestBed> StartAsync(TestDatabaseKind kind = TestDatabaseKind.Sqlite)
    {
        var listener = await WebhookListener.StartAsync();
        var emails = new CapturedEmails();
        var contentRoot = Directory.CreateTempSubdirectory("incidents-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Identity:PublicOrigin"] = PublicOrigin,
            ["Backups:Directory"] = Path.Combine(contentRoot, "backups"),
            ["Incidents:Operators:Emails:0"] = OperatorEmail,
            ["Incidents:Operators:Webhooks:0:Url"] = listener.Url("ops-slack").ToString(),
            ["Incidents:Operators:Webhooks:0:Format"] = "Slack",
            ["Incidents:Operators:Webhooks:1:Url"] = listener.Url("ops-teams").ToString(),
            ["Incidents:Operators:Webhooks:1:Format"] = "Teams",
            ["Tenants:hirakawa:Operations:Emails:0"] = CityEmail,
            ["Tenants:hirakawa:Operations:Webhooks:0:Url"] = listener.Url("city-teams").ToString(),
            ["Tenants:hirakawa:Operations:Webhooks:0:Format"] = "Teams",
            // The test machine's disk is whatever it is; the disk test sets its own threshold.
            ["Incidents:DiskSpace:MinimumFreePercent"] = "0",
        };
        var kernel = await KernelHarness.StartAsync(kind, settings, (services, configuration) =>
        {
            services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(contentRoot));
            services.AddBackupsAndDrills(configuration.GetSection(BackupOptions.Section));
            services.AddSingleton<IStaffEmailSender>(emails);
            services.AddSmartBranchIncidentAlerts(configuration, ServerRoles.Web);
        });
        return new IncidentTestBed(kernel, listener, emails, contentRoot);
    }

    public Task EvaluateAsync() => Kernel.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

    /// <summary>
    /// Evaluates while the test clock runs on a second at a time: the webhook client's retries wait on the
    /// clock, as everything else does.
    /// </summary>
    public async Task EvaluateWhileTimePassesAsync()
    {
        var evaluation = EvaluateAsync();
        while (!evaluation.IsCompleted)
        {
            Kernel.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(evaluation, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        }

        await evaluation;
    }

    /// <summary>Requests as the web processes count and write them.</summary>
    public async Task CountRequestsAsync(RequestOutcome outcome, int count, string? tenantSlug = null, string? environmentName = null)
    {
        var counter = Kernel.Services.GetRequiredService<RequestOutcomeCounter>();
        for (var i = 0; i < count; i++)
        {
            counter.Count(outcome, tenantSlug, environmentName);
        }

        await Kernel.Services.GetRequiredService<RequestOutcomeWriter>().WriteAsync(CancellationToken.None);
    }

    public Task<List<Incident>> IncidentsAsync(string? ruleId = null) => Kernel.InScopeAsync(s =>
        s.GetRequiredService<SmartBranchDbContext>().Set<Incident>().AsNoTracking()
            .Where(i => ruleId == null || i.RuleId == ruleId).OrderBy(i => i.OpenedAt).ToListAsync());

    public Task<List<IncidentEvent>> TimelineAsync(Guid incidentId) => Kernel.InScopeAsync(async s =>
        (await s.GetRequiredService<SmartBranchDbContext>().Set<IncidentEvent>().AsNoTracking()
            .Where(e => e.IncidentId == incidentId).ToListAsync()).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList());

    public async ValueTask DisposeAsync()
    {
        await Kernel.DisposeAsync();
        await Listener.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "SmartBranch.Server";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
