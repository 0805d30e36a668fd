using SmartBranch.LineEmulator;

namespace SmartBranch.Server.Hosting;

/// <summary>The first line the server prints: where to find it.</summary>
internal static class StartupBanner
{
    public const string DefaultUrl = "http://localhost:5080";

    public static void Print(IConfiguration configuration) => Console.WriteLine(Text(configuration));

    public static string Text(IConfiguration configuration)
    {
        var url = (configuration[WebHostDefaults.ServerUrlsKey] ?? DefaultUrl).Split(';')[0].TrimEnd('/');
        var emulator = configuration.GetValue("Emulator:Embedded", true) ? EmbeddedEmulatorUrls(configuration) : "";
        return $"SmartBranch: {url}  (health {url}/readyz, LINE webhook {url}/line/{{tenant}}/{{env}}/webhook{emulator})";
    }

    private static string EmbeddedEmulatorUrls(IConfiguration configuration)
    {
        var emulatorUrl = new Uri(configuration["Emulator:Url"] ?? new LineEmulatorOptions().Url);
        return $", LINE emulator {emulatorUrl.GetLeftPart(UriPartial.Authority)}, resident simulator {LineEmulatorServer.SimulatorUrlFor(emulatorUrl)}";
    }
}
