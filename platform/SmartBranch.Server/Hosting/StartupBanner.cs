namespace SmartBranch.Server.Hosting;

/// <summary>The first line the server prints: where to find it.</summary>
internal static class StartupBanner
{
    public const string DefaultUrl = "http://localhost:5080";

    public static void Print(IConfiguration configuration)
    {
        var url = (configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl).Split(';')[0].TrimEnd('/');
        var emulator = configuration.GetValue("Emulator:Embedded", true)
            ? $", LINE emulator {configuration["Emulator:Url"] ?? new LineEmulator.LineEmulatorOptions().Url}"
            : "";
        Console.WriteLine($"SmartBranch: {url}  (health {url}/readyz, LINE webhook {url}/line/{{tenant}}/{{env}}/webhook{emulator})");
    }
}
