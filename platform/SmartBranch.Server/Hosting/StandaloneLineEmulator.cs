using SmartBranch.LineEmulator;

namespace SmartBranch.Server.Hosting;

/// <summary>
/// <c>dotnet run --project platform/SmartBranch.Server -- emulator</c>: the LINE emulator alone, for a
/// server that runs elsewhere with <c>Emulator:Embedded=false</c>. Channels come from configuration
/// (<c>Emulator:Channels:0:ChannelId</c>, <c>…:ChannelSecret</c>, <c>…:ChannelAccessToken</c>, <c>…:WebhookUrl</c>).
/// </summary>
internal static class StandaloneLineEmulator
{
    public static async Task RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(1).ToArray())
            .Build();
        var options = configuration.GetSection(LineEmulatorOptions.SectionName).Get<LineEmulatorOptions>() ?? new LineEmulatorOptions();

        await using var emulator = await LineEmulatorServer.StartAsync(options);
        Console.WriteLine($"LINE emulator: {emulator.BaseUrl} ({options.Channels.Count} channels). Ctrl+C to stop.");

        var stopped = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopped.TrySetResult();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
        await stopped.Task;
        await emulator.StopAsync();
    }
}
