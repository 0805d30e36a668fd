using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>The real server (its Program) on Kestrel at a free port, so that the emulator can post webhooks to it.</summary>
internal sealed class SmartBranchApplication : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly CapturedLogs _logs;
    private readonly Action<IServiceCollection>? _configureServices;

    public SmartBranchApplication(IReadOnlyDictionary<string, string?> settings, CapturedLogs logs, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings;
        _logs = logs;
        _configureServices = configureServices;
        UseKestrel(0);
    }

    public Uri Address
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new UriBuilder(address) { Host = "127.0.0.1", Path = "" }.Uri;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(_logs));
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }
}
