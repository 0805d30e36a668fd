using Microsoft.AspNetCore.Hosting;
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

    public EmbeddedServer() => UseKestrel(0);

    public Uri EmulatorUrl => new(Configuration["Emulator:Url"]!);

    /// <summary>The channel access token the server generated for Hirakawa's staging channel on the emulator.</summary>
    public string StagingAccessToken => Configuration["Tenants:hirakawa:staging:Line:ChannelAccessToken"]!;

    public string StagingChannelId => Configuration["Tenants:hirakawa:staging:Line:ChannelId"]!;

    private IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dataDirectory, "smartbranch.db")}");
        builder.UseSetting("Emulator:Url", "http://127.0.0.1:0");
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
