using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Webhooks;
using SmartBranch.LineEmulator;

namespace SmartBranch.IntegrationTests.Infrastructure;

public sealed record TestChannel(string Tenant, string Environment, string ChannelId, string Secret, string AccessToken)
{
    public string WebhookPath => $"/line/{Tenant}/{Environment}/webhook";

    /// <summary>The environment's LIFF app: as LINE names them, "{channel id}-{8 characters}". The emulator issues its
    /// ID tokens for the channel, which is therefore also the environment's LINE Login channel.</summary>
    public string LiffId => $"{ChannelId}-testliff";

    /// <summary>Where the environment's resident pages live.</summary>
    public string ResidentPath(string page) => $"/r/{Tenant}/{Environment}/{page}";
}

/// <summary>
/// The server as a city runs it, with the LINE emulator as LINE: Hirakawa's staging in Emulator
/// mode, its production in Line mode pointed at the emulator by base URL (as at any LINE-compatible
/// host), and a second city, so that tests can show nothing crosses between tenants.
/// </summary>
public sealed class LineTestBed : IAsyncDisposable
{
    public static readonly TestChannel HirakawaStaging = new("hirakawa", "staging", "2000000001", "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "staging-access-token");
    public static readonly TestChannel HirakawaProduction = new("hirakawa", "production", "2000000002", "a1b2c3d4e5f60718293a4b5c6d7e8f90", "production-access-token");
    public static readonly TestChannel OtherCityStaging = new("othercity", "staging", "2000000003", "ffeeddccbbaa99887766554433221100", "othercity-access-token");
    public static readonly IReadOnlyList<TestChannel> Channels = [HirakawaStaging, HirakawaProduction, OtherCityStaging];

    private readonly string _tenantsDirectory;
    private readonly string _mediaDirectory;
    private readonly bool _ownsDatabase;
    private readonly bool _ownsEmulator;

    private LineTestBed(
        LineEmulatorServer emulator, bool ownsEmulator, SmartBranchApplication app, TestDatabase database, bool ownsDatabase, string tenantsDirectory,
        string mediaDirectory, CapturedLogs logs)
    {
        Emulator = emulator;
        _ownsEmulator = ownsEmulator;
        App = app;
        Database = database;
        _ownsDatabase = ownsDatabase;
        _tenantsDirectory = tenantsDirectory;
        _mediaDirectory = mediaDirectory;
        Logs = logs;
        Server = app.CreateClient();
        EmulatorClient = new HttpClient { BaseAddress = emulator.BaseUrl };
    }

    public LineEmulatorServer Emulator { get; }

    internal SmartBranchApplication App { get; }

    internal TestDatabase Database { get; }

    internal CapturedLogs Logs { get; }

    public HttpClient Server { get; }

    public HttpClient EmulatorClient { get; }

    /// <param name="database">A database to share with another test bed (one process after another); else a new one.</param>
    /// <param name="emulator">An emulator to share likewise; else a new one.</param>
    /// <param name="extraSettings">Configuration on top of the test bed's own.</param>
    /// <param name="configureServices">Replaces services after the server registered its own (e.g. a capturing e-mail sender).</param>
    internal static async Task<LineTestBed> StartAsync(
        TestDatabaseKind databaseKind, bool rabbitMq = false, string roles = "All", TestDatabase? database = null, LineEmulatorServer? emulator = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? configureServices = null)
    {
        var ownsDatabase = database is null;
        database ??= await TestDatabase.CreateAsync(databaseKind);
        var rabbit = rabbitMq ? TestServices.RequireRabbitMq() : null;
        var ownsEmulator = emulator is null;
        emulator ??= await StartEmulatorAsync();

        var tenants = CreateTenantsDirectory();
        var media = Directory.CreateTempSubdirectory("media-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Tenants:Directory"] = tenants,
            ["Media:Directory"] = media,
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Bus:Transport"] = rabbit is null ? "InMemory" : "RabbitMq",
            ["Server:Roles"] = roles,
            ["Emulator:Embedded"] = "false",
            ["Emulator:Url"] = emulator.BaseUrl.ToString(),
            ["Tenants:hirakawa:production:Line:Mode"] = "Line",
            ["Tenants:hirakawa:production:Line:ApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["Tenants:hirakawa:production:Line:DataApiBaseUrl"] = emulator.BaseUrl.ToString(),
        };
        if (rabbit is not null)
        {
            var credentials = rabbit.UserInfo.Split(':');
            settings["Bus:RabbitMq:Host"] = rabbit.Host;
            settings["Bus:RabbitMq:Username"] = Uri.UnescapeDataString(credentials[0]);
            settings["Bus:RabbitMq:Password"] = Uri.UnescapeDataString(credentials.ElementAtOrDefault(1) ?? "");
        }

        foreach (var channel in Channels)
        {
            var prefix = $"Tenants:{channel.Tenant}:{channel.Environment}:Line";
            settings[$"{prefix}:ChannelId"] = channel.ChannelId;
            settings[$"{prefix}:ChannelSecret"] = channel.Secret;
            settings[$"{prefix}:ChannelAccessToken"] = channel.AccessToken;
            settings[$"{prefix}:LoginChannelId"] = channel.ChannelId;
            settings[$"{prefix}:LiffId"] = channel.LiffId;
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var logs = new CapturedLogs();
        var app = new SmartBranchApplication(settings, logs, configureServices);
        app.StartServer();
        foreach (var channel in Channels)
        {
            emulator.AddOrUpdateChannel(new EmulatorChannel
            {
                ChannelId = channel.ChannelId,
                ChannelSecret = channel.Secret,
                ChannelAccessToken = channel.AccessToken,
                WebhookUrl = new Uri(app.Address, channel.WebhookPath),
            });
        }

        return new LineTestBed(emulator, ownsEmulator, app, database, ownsDatabase, tenants, media, logs);
    }

    internal static Task<LineEmulatorServer> StartEmulatorAsync() => LineEmulatorServer.StartAsync(new LineEmulatorOptions
    {
        Url = "http://127.0.0.1:0",
        WebhookRedeliveryDelays = [TimeSpan.FromMilliseconds(200)],
    });

    /// <summary>A LINE user of the emulator, a friend of no account yet.</summary>
    public async Task<string> CreateLineUserAsync(string displayName = "平川 太郎")
    {
        var response = await EmulatorClient.PostAsJsonAsync("/_sim/users", new { displayName, language = "ja" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
    }

    /// <summary>The user acts in LINE; the emulator signs the webhook and posts it to the server.</summary>
    public async Task<JsonObject> SimulateAsync(TestChannel channel, string userId, JsonObject lineEvent)
    {
        lineEvent["channelId"] = channel.ChannelId;
        var response = await EmulatorClient.PostAsJsonAsync($"/_sim/users/{userId}/events", lineEvent);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"The emulator refused the simulated event: {body}");
        return body!;
    }

    /// <summary>A LIFF ID token for the user, as LINE issues one to a LIFF app of <paramref name="clientId"/>'s channel.</summary>
    public async Task<string> IssueIdTokenAsync(string userId, string clientId)
    {
        var response = await EmulatorClient.PostAsJsonAsync($"/_sim/users/{userId}/id-token", new { clientId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["idToken"]!.GetValue<string>();
    }

    /// <summary>What the user has received, as the emulator recorded it.</summary>
    public async Task<IReadOnlyList<JsonObject>> InboxAsync(string userId)
    {
        var inbox = await EmulatorClient.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/inbox");
        return inbox!["messages"]!.AsArray().Select(m => m!.AsObject()).ToList();
    }

    /// <summary>Posts a webhook body to the server as LINE would, signed with the channel's secret unless a signature is given.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(TestChannel channel, string body, string? signature = null, string? path = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path ?? channel.WebhookPath)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(LineWebhookSignature.HeaderName, signature ?? LineWebhookSignature.Compute(channel.Secret, Encoding.UTF8.GetBytes(body)));
        return Server.SendAsync(request);
    }

    /// <summary>Runs a query inside a tenant environment's scope, as module code would.</summary>
    internal async Task<T> InTenantAsync<T>(TestChannel channel, Func<SmartBranchDbContext, IServiceProvider, Task<T>> query)
    {
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        return await query(scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>(), scope.ServiceProvider);
    }

    /// <summary>Waits until every stored webhook event is processed and every outbox message published and consumed.</summary>
    internal Task WaitUntilIdleAsync() => Eventually.TrueAsync(async () =>
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var pendingEvents = await db.LineWebhookEvents.IgnoreQueryFilters().CountAsync(e => e.State == LineWebhookEventState.Pending);
        var pendingOutbox = await db.OutboxMessages.CountAsync(m => m.State == OutboxMessageState.Pending);
        var lineRequests = await db.OutboxMessages.CountAsync(m => m.MessageType.Contains("LineMessagesRequested"));
        var consumed = await db.InboxMessages.CountAsync();
        return pendingEvents == 0 && pendingOutbox == 0 && consumed >= lineRequests;
    }, "the server to finish its background work");

    public async ValueTask DisposeAsync()
    {
        Server.Dispose();
        EmulatorClient.Dispose();
        await App.DisposeAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }

        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        Directory.Delete(_tenantsDirectory, recursive: true);
        Directory.Delete(_mediaDirectory, recursive: true);
    }

    private static string CreateTenantsDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("tenants-").FullName;
        var hirakawa = Path.Combine(directory, "hirakawa");
        Directory.CreateDirectory(hirakawa);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa")))
        {
            File.Copy(file, Path.Combine(hirakawa, Path.GetFileName(file)));
        }

        var other = Path.Combine(directory, "othercity");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "tenant.yml"), "slug: othercity\nname: 他市\nnameEn: Other City\nenvironments: [production, staging]\n");
        File.WriteAllText(Path.Combine(other, "residents.yml"), "welcomeMessages: [他市へようこそ。]\n");
        return directory;
    }
}
