using SmartBranch.LineEmulator;

namespace SmartBranch.Benchmarks;

/// <summary>
/// What every benchmark runs against: Hirakawa's staging environment on a throwaway database, its LINE channel
/// played by the emulator. <see cref="Settings"/> configures a server for it (a <see cref="ServerProcess"/>, or
/// a <see cref="StaffDesk"/> in the same process).
/// </summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    public const string Tenant = "hirakawa";
    public const string Environment = "staging";
    public const string ChannelId = "3000000001";
    public const string ChannelSecret = "5f4dcc3b5aa765d61d8327deb882cf99";
    private const string ChannelAccessToken = "benchmark-access-token";

    private BenchmarkServer(LineEmulatorServer emulator, BenchmarkDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        Emulator = emulator;
        Database = database;
        Settings = settings;
    }

    public LineEmulatorServer Emulator { get; }

    public BenchmarkDatabase Database { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<BenchmarkServer> CreateAsync(string? postgresServer)
    {
        var emulator = await LineEmulatorServer.StartAsync(new LineEmulatorOptions
        {
            Url = "http://127.0.0.1:0",
            Channels = [new EmulatorChannel { ChannelId = ChannelId, ChannelSecret = ChannelSecret, ChannelAccessToken = ChannelAccessToken }],
        });
        var database = await BenchmarkDatabase.CreateAsync(postgresServer);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Emulator:Embedded"] = "false",
            ["Emulator:Url"] = emulator.BaseUrl.ToString(),
            [$"Tenants:{Tenant}:{Environment}:Line:ChannelId"] = ChannelId,
            [$"Tenants:{Tenant}:{Environment}:Line:ChannelSecret"] = ChannelSecret,
            [$"Tenants:{Tenant}:{Environment}:Line:ChannelAccessToken"] = ChannelAccessToken,
            ["Backups:Scheduled"] = "false",
            ["Backups:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        if (database.Provider == "Postgres")
        {
            foreach (var (key, value) in ThrowawayCertificates.Create(database.Directory))
            {
                settings[key] = value;
            }
        }

        return new BenchmarkServer(emulator, database, settings);
    }

    /// <summary>The settings with some changed or added.</summary>
    public IReadOnlyDictionary<string, string> SettingsWith(params (string Key, string Value)[] changes)
    {
        var settings = new Dictionary<string, string>(Settings);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }

    public Task<ServerProcess> StartProcessAsync() => ServerProcess.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
