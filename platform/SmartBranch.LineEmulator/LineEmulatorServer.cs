using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmartBranch.LineEmulator.Hosting;
using SmartBranch.LineEmulator.Jpki;
using SmartBranch.LineEmulator.Liff;
using SmartBranch.LineEmulator.Login;
using SmartBranch.LineEmulator.Messaging;
using SmartBranch.LineEmulator.RateLimiting;
using SmartBranch.LineEmulator.RichMenus;
using SmartBranch.LineEmulator.Simulation;
using SmartBranch.LineEmulator.Simulator;
using SmartBranch.LineEmulator.State;
using SmartBranch.LineEmulator.Webhooks;

namespace SmartBranch.LineEmulator;

/// <summary>The emulator, listening on its own origin with LINE's paths at the root. Start it in-process (server,
/// tests) with <see cref="StartAsync(LineEmulatorOptions, CancellationToken)"/>.</summary>
public sealed class LineEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly Lock _stopping = new();
    private Task? _stop;

    private LineEmulatorServer(WebApplication app, EmulatorState state, Uri baseUrl)
    {
        _app = app;
        _state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>The actual bound origin (port 0 resolved), without a path.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The resident simulator page.</summary>
    public Uri SimulatorUrl => SimulatorUrlFor(BaseUrl);

    /// <summary>The resident simulator page of an emulator at <paramref name="emulatorUrl"/>.</summary>
    public static Uri SimulatorUrlFor(Uri emulatorUrl) => new(emulatorUrl, SimulatorAssets.PagePath);

    /// <summary>The LIFF SDK stand-in of an emulator at <paramref name="emulatorUrl"/>: a resident page loads it
    /// instead of LINE's SDK when its environment is in Emulator mode.</summary>
    public static Uri LiffSdkUrlFor(Uri emulatorUrl) => new(emulatorUrl, SimulatorAssets.LiffSdkPath);

    /// <summary>The JPKI sandbox's CA certificate (DER) of an emulator at <paramref name="emulatorUrl"/>.</summary>
    public static Uri JpkiCaCertificateUrlFor(Uri emulatorUrl) => new(emulatorUrl, JpkiSandboxEndpoints.CaCertificatePath);

    /// <summary>The JPKI sandbox's certificate revocation list of an emulator at <paramref name="emulatorUrl"/>.</summary>
    public static Uri JpkiCrlUrlFor(Uri emulatorUrl) => new(emulatorUrl, JpkiSandboxEndpoints.CrlPath);

    public static Task<LineEmulatorServer> StartAsync(LineEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, TimeProvider.System, ct);

    /// <summary>Starts with a given clock (reply token expiry, retry keys, rate limits, content retention, redelivery delays).</summary>
    public static async Task<LineEmulatorServer> StartAsync(LineEmulatorOptions options, TimeProvider timeProvider, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var state = new EmulatorState(options, timeProvider);
        foreach (var channel in options.Channels)
        {
            state.AddOrUpdateChannel(channel);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LineEmulatorServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().UseUrls(options.Url);
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddSingleton<EndpointRateLimiter>();
        builder.Services.AddSingleton<MessageDelivery>();
        builder.Services.AddSingleton<SimulatedEventFactory>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddSingleton<IdTokenIssuer>();
        builder.Services.AddSingleton<SandboxCertificateAuthority>();
        builder.Services.AddSingleton<SandboxCards>();
        builder.Services.AddSingleton<SandboxSigningSessions>();

        var app = builder.Build();
        app.UseMiddleware<RequestLimitsMiddleware>();
        var bot = app.MapGroup("/v2/bot")
            .AddEndpointFilter<ChannelAuthFilter>()
            .AddEndpointFilter<RateLimitFilter>()
            .AddEndpointFilter<RetryKeyFilter>();
        SendingEndpoints.Map(bot);
        AccountEndpoints.Map(bot);
        RichMenuEndpoints.Map(bot);
        LiffEndpoints.Map(app.MapGroup("/liff/v1/apps").AddEndpointFilter<ChannelAuthFilter>());
        LoginEndpoints.Map(app);
        SimulationEndpoints.Map(app);
        ChannelViewEndpoints.Map(app);
        ChannelQuotaEndpoints.Map(app);
        ChannelAudienceEndpoints.Map(app);
        LiffEndpoints.MapSimulation(app);
        JpkiSandboxEndpoints.Map(app);
        SimulatorAssets.Map(app);
        app.MapFallback(() => LineErrors.NotFoundError());

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new UriBuilder(address) { Path = "" };
        if (bound.Host is "0.0.0.0" or "[::]" or "+" or "*")
        {
            bound.Host = "127.0.0.1";
        }

        return new LineEmulatorServer(app, state, new Uri(bound.Uri.GetLeftPart(UriPartial.Authority)));
    }

    /// <summary>Registers a channel, or updates one with the same ChannelId (its users, menus and state are kept).</summary>
    public void AddOrUpdateChannel(EmulatorChannel channel) => _state.AddOrUpdateChannel(channel);

    /// <summary>
    /// Stops once; every caller waits for that one stop to finish. A host that stops and disposes at the same
    /// time (a test server's factory and the app's own run loop do) must not dispose the emulator mid-stop.
    /// </summary>
    public Task StopAsync(CancellationToken ct = default)
    {
        lock (_stopping)
        {
            return _stop ??= StopOnceAsync(ct);
        }
    }

    private async Task StopOnceAsync(CancellationToken ct)
    {
        await _app.Services.GetRequiredService<WebhookDispatcher>().DisposeAsync();
        await _app.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
