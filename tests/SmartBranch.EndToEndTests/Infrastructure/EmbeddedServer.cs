using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartBranch.EndToEndTests.Infrastructure;

/// <summary>
/// The server as <c>dotnet run</c> starts it, the embedded default with its built-in LINE emulator for
/// Hirakawa's staging, on free ports and with a SQLite database of its own.
/// </summary>
internal sealed class EmbeddedServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("smartbranch-e2e-").FullName;

    private string DatabaseConnectionString => $"Data Source={Path.Combine(_dataDirectory, "smartbranch.db")}";

    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="configureServices">Replaces what a test must observe instead of the outside world (the e-mail sender).</param>
    public EmbeddedServer(Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        UseKestrel(0);
    }

    /// <summary>Where a browser reaches the server.</summary>
    public Uri Address
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new UriBuilder(address) { Host = "127.0.0.1", Path = "" }.Uri;
        }
    }

    public Uri EmulatorUrl => new(Configuration["Emulator:Url"]!);

    /// <summary>The channel access token the server generated for Hirakawa's staging channel on the emulator.</summary>
    public string StagingAccessToken => Configuration["Tenants:hirakawa:staging:Line:ChannelAccessToken"]!;

    public string StagingChannelId => Configuration["Tenants:hirakawa:staging:Line:ChannelId"]!;

    /// <summary>The LIFF app the server registered on the emulator for Hirakawa's staging resident pages.</summary>
    public string StagingLiffId => Configuration["Tenants:hirakawa:staging:Line:LiffId"]!;

    private IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(DatabaseConnectionString));
        Directory.Delete(_dataDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // dotnet run serves the portal's scripts and styles from the build output (Development does this by itself).
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", DatabaseConnectionString);
        builder.UseSetting("Emulator:Url", "http://127.0.0.1:0");
        // Every browser of a test class signs in from 127.0.0.1; on a quiet machine they pass the 30 a minute that
        // protects a city's sign-in page. The limit itself is tested in the integration tests.
        builder.UseSetting("Identity:RateLimiting:PerIpPermitLimit", "10000");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }
}
