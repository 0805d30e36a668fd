using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.LineEmulator;

namespace SmartBranch.Server.Hosting;

/// <summary>
/// On the embedded default, every environment in <c>Emulator</c> mode (staging; never production) is
/// served by a LINE emulator inside this process: one without configured credentials gets a channel
/// secret and token generated for this run, and the emulator delivers its webhooks back to us.
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
        var channels = new List<EmulatedChannel>();
        foreach (var (tenant, environment) in emulated)
        {
            var prefix = $"Tenants:{tenant.Slug}:{environment.Name}:Line";
            var channelId = environment.Line.ChannelId ?? $"{tenant.Slug}-{environment.Name}";
            var secret = environment.Line.ChannelSecret ?? (generated[$"{prefix}:ChannelSecret"] = RandomNumberGenerator.GetHexString(32, lowercase: true));
            var token = environment.Line.ChannelAccessToken ?? (generated[$"{prefix}:ChannelAccessToken"] = RandomNumberGenerator.GetString(TokenAlphabet, 172));
            generated[$"{prefix}:ChannelId"] = channelId;

            if (environment.Line.LoginChannelId is null)
            {
                // The emulator keeps LIFF apps on the channel and issues their ID tokens for it (aud = channel id).
                generated[$"{prefix}:LoginChannelId"] = channelId;
            }
            channels.Add(new EmulatedChannel(tenant.Slug, environment.Name, channelId, secret, token, tenant.Name));
        }

        configuration.AddInMemoryCollection(generated);
        var options = new LineEmulatorOptions { Url = emulatorUrl };
        builder.Services.AddSingleton(new EmbeddedLineEmulatorSettings(options, channels));
        builder.Services.AddHostedService<EmbeddedLineEmulatorService>();
        return builder;
    }

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

internal sealed record EmulatedChannel(string TenantSlug, string EnvironmentName, string ChannelId, string Secret, string AccessToken, string DisplayName);

internal sealed record EmbeddedLineEmulatorSettings(LineEmulatorOptions Options, IReadOnlyList<EmulatedChannel> Channels);

/// <summary>Runs the emulator for the server's lifetime and points its channels' webhooks at this server once it listens.</summary>
internal sealed partial class EmbeddedLineEmulatorService(
    EmbeddedLineEmulatorSettings settings,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<EmbeddedLineEmulatorService> logger) : IHostedService, IAsyncDisposable
{
    private LineEmulatorServer? _emulator;

    public LineEmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _emulator = await LineEmulatorServer.StartAsync(settings.Options, cancellationToken);
        lifetime.ApplicationStarted.Register(RegisterChannels);
        LogStarted(_emulator.BaseUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_emulator is not null)
        {
            await _emulator.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private void RegisterChannels()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? StartupBanner.DefaultUrl;
        var origin = new UriBuilder(address) { Path = "" };
        if (origin.Host is "0.0.0.0" or "[::]" or "+" or "*")
        {
            origin.Host = "localhost";
        }

        foreach (var channel in settings.Channels)
        {
            Emulator.AddOrUpdateChannel(new EmulatorChannel
            {
                ChannelId = channel.ChannelId,
                ChannelSecret = channel.Secret,
                ChannelAccessToken = channel.AccessToken,
                BotDisplayName = channel.DisplayName,
                WebhookUrl = new Uri(origin.Uri, $"line/{channel.TenantSlug}/{channel.EnvironmentName}/webhook"),
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LINE emulator listening on {Url}.")]
    private partial void LogStarted(Uri url);
}
