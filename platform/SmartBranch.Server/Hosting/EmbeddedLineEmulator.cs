using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.LineEmulator;

namespace SmartBranch.Server.Hosting;

/// <summary>
/// On the embedded default, every environment in <c>Emulator</c> mode (staging; never production) is
/// served by a LINE emulator inside this process: one defined in files without configured credentials
/// gets a channel secret and token generated for this run, and the emulator delivers its webhooks back
/// to us, and a LIFF app (unless <c>Line:LiffId</c> is configured, id <c>{channel id}-resident</c>) opens the
/// environment's resident pages, whose ID tokens verify against the channel id as <c>Line:LoginChannelId</c>.
/// Channels created or changed later in the console join it as the tenant catalog reloads.
/// <c>Emulator:Embedded=false</c> leaves the emulator to run elsewhere, at <c>Emulator:Url</c>.
/// </summary>
internal static class EmbeddedLineEmulator
{
    public static WebApplicationBuilder AddEmbeddedLineEmulator(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!configuration.GetValue("Emulator:Embedded", true))
        {
            return builder;
        }

        var emulatorUrl = ConcreteUrl(configuration["Emulator:Url"] ?? new LineEmulatorOptions().Url);
        configuration["Emulator:Url"] = emulatorUrl;
        var emulated = TenantCatalog.Load(configuration).Tenants
            .SelectMany(t => t.Environments.Where(e => e.Line.Mode == LineMode.Emulator).Select(e => (Tenant: t, Environment: e)))
            .ToList();
        if (emulated.Count == 0)
        {
            return builder;
        }

        var generated = new Dictionary<string, string?>();
        foreach (var (tenant, environment) in emulated)
        {
            var prefix = $"Tenants:{tenant.Slug}:{environment.Name}:Line";
            var channelId = environment.Line.ChannelId ?? $"{tenant.Slug}-{environment.Name}";
            if (environment.Line.ChannelSecret is null)
            {
                generated[$"{prefix}:ChannelSecret"] = RandomNumberGenerator.GetHexString(32, lowercase: true);
            }

            if (environment.Line.ChannelAccessToken is null)
            {
                generated[$"{prefix}:ChannelAccessToken"] = RandomNumberGenerator.GetString(TokenAlphabet, 172);
            }

            generated[$"{prefix}:ChannelId"] = channelId;

            if (environment.Line.LoginChannelId is null)
            {
                // The emulator keeps LIFF apps on the channel and issues their ID tokens for it (aud = channel id).
                generated[$"{prefix}:LoginChannelId"] = channelId;
            }

            if (environment.Line.LiffId is null)
            {
                generated[$"{prefix}:LiffId"] = ResidentPagesLiffId(channelId);
            }
        }

        configuration.AddInMemoryCollection(generated);
        var options = new LineEmulatorOptions { Url = emulatorUrl };
        builder.Services.AddSingleton(new EmbeddedLineEmulatorSettings(options));
        builder.Services.AddHostedService<EmbeddedLineEmulatorService>();
        return builder;
    }

    /// <summary>
    /// The LIFF app of an emulated environment's resident pages; stable across runs, in LINE's form
    /// <c>{channel id}-{8 characters}</c>, so links in messages sent earlier keep opening.
    /// </summary>
    private static string ResidentPagesLiffId(string channelId) => $"{channelId}-resident";

    /// <summary>
    /// Port 0 ("any free port") is resolved now, because environments in Emulator mode take their
    /// LINE base URL from <c>Emulator:Url</c> before the emulator starts.
    /// </summary>
    private static string ConcreteUrl(string url)
    {
        var uri = new UriBuilder(url);
        if (uri.Port != 0)
        {
            return url;
        }

        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        uri.Port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        return uri.Uri.ToString().TrimEnd('/');
    }

    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

internal sealed record EmbeddedLineEmulatorSettings(LineEmulatorOptions Options);

/// <summary>
/// Runs the emulator for the server's lifetime. Once the server listens, it registers every configured
/// environment in Emulator mode with its webhook pointed back at this server and its LIFF app's endpoint at the
/// environment's resident pages (<c>/r/{tenant}/{env}</c>), and registers again after
/// each reload of the tenant catalog, so channels created or changed in the console work at once.
/// </summary>
internal sealed partial class EmbeddedLineEmulatorService(
    EmbeddedLineEmulatorSettings settings,
    TenantCatalog catalog,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<EmbeddedLineEmulatorService> logger) : IHostedService, IAsyncDisposable
{
    private readonly Lock _registering = new();
    private readonly Dictionary<(string Tenant, string Environment), EmulatorChannel> _registered = [];
    private LineEmulatorServer? _emulator;
    private Uri? _origin;

    public LineEmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _emulator = await LineEmulatorServer.StartAsync(settings.Options, cancellationToken);
        lifetime.ApplicationStarted.Register(OnServerStarted);
        LogStarted(_emulator.BaseUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Reloaded -= OnCatalogReloaded;
        if (_emulator is not null)
        {
            await _emulator.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        catalog.Reloaded -= OnCatalogReloaded;
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private void OnServerStarted()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? StartupBanner.DefaultUrl;
        var origin = new UriBuilder(address) { Path = "" };
        if (origin.Host is "0.0.0.0" or "[::]" or "+" or "*")
        {
            origin.Host = "localhost";
        }

        _origin = origin.Uri;
        catalog.Reloaded += OnCatalogReloaded;
        RegisterChannels();
    }

    private void OnCatalogReloaded(object? sender, EventArgs e) => RegisterChannels();

    private void RegisterChannels()
    {
        lock (_registering)
        {
            foreach (var tenant in catalog.Tenants)
            {
                foreach (var environment in tenant.Environments.Where(e => e.Line is { Mode: LineMode.Emulator, ChannelSecret: not null, ChannelAccessToken: not null }))
                {
                    Register(tenant, environment);
                }
            }
        }
    }

    private void Register(TenantDefinition tenant, TenantEnvironment environment)
    {
        var channel = new EmulatorChannel
        {
            ChannelId = environment.Line.ChannelId ?? $"{tenant.Slug}-{environment.Name}",
            ChannelSecret = environment.Line.ChannelSecret!,
            ChannelAccessToken = environment.Line.ChannelAccessToken!,
            BotDisplayName = tenant.Name,
            WebhookUrl = new Uri(_origin!, $"line/{tenant.Slug}/{environment.Name}/webhook"),
            LiffApps = environment.Line.LiffId is { Length: > 0 } liffId
                ? [new EmulatorLiffApp
                {
                    LiffId = liffId,
                    EndpointUrl = new Uri(_origin!, $"r/{tenant.Slug}/{environment.Name}"),
                    Description = $"{tenant.Name} 住民ページ",
                }]
                : [],
        };
        var key = (tenant.Slug, environment.Name);
        if (_registered.GetValueOrDefault(key) is { } earlier
            && (earlier.ChannelId, earlier.ChannelSecret, earlier.ChannelAccessToken, earlier.BotDisplayName, LiffIdOf(earlier))
                == (channel.ChannelId, channel.ChannelSecret, channel.ChannelAccessToken, channel.BotDisplayName, LiffIdOf(channel)))
        {
            return;
        }

        try
        {
            Emulator.AddOrUpdateChannel(channel);
        }
        catch (ArgumentException e)
        {
            // A LIFF id set in the console that another environment's channel already holds, or an unusable one.
            LogRejected(tenant.Slug, environment.Name, e.Message);
            return;
        }

        _registered[key] = channel;
        LogRegistered(tenant.Slug, environment.Name, channel.ChannelId);
    }

    private static string? LiffIdOf(EmulatorChannel channel) => channel.LiffApps.FirstOrDefault()?.LiffId;

    [LoggerMessage(Level = LogLevel.Information, Message = "LINE emulator listening on {Url}.")]
    private partial void LogStarted(Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE emulator cannot serve {TenantSlug}/{EnvironmentName}: {Reason}")]
    private partial void LogRejected(string tenantSlug, string environmentName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "LINE emulator serves {TenantSlug}/{EnvironmentName} as channel {ChannelId}.")]
    private partial void LogRegistered(string tenantSlug, string environmentName, string channelId);
}
