using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartBranch.LineEmulator;
using SmartBranch.Server.Hosting;

namespace SmartBranch.IntegrationTests.Infrastructure;

/// <summary>The server on the embedded default (SQLite) with its built-in LINE emulator on a free port, and a client
/// of the emulator's simulation API.</summary>
internal sealed class EmbeddedEmulatorTestBed : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private EmbeddedEmulatorTestBed(TestDatabase database, SmartBranchApplication app)
    {
        _database = database;
        App = app;
        Emulator = app.Services.GetServices<IHostedService>().OfType<EmbeddedLineEmulatorService>().Single().Emulator;
        Sim = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Emulator.BaseUrl };
    }

    public SmartBranchApplication App { get; }

    public LineEmulatorServer Emulator { get; }

    /// <summary>Calls the emulator as the simulator and a resident's browser do; redirects are not followed.</summary>
    public HttpClient Sim { get; }

    public static async Task<EmbeddedEmulatorTestBed> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var app = new SmartBranchApplication(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = database.ConnectionString,
                ["Emulator:Url"] = "http://127.0.0.1:0",
            },
            new CapturedLogs());
        app.StartServer();
        return new EmbeddedEmulatorTestBed(database, app);
    }

    public async ValueTask DisposeAsync()
    {
        Sim.Dispose();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
