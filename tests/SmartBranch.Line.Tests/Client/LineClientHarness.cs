using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Line.Client;
using SmartBranch.Line.RichMenus;

namespace SmartBranch.Line.Tests.Client;

/// <summary>
/// The client as a host wires it (<c>AddLineMessagingClient</c>), with <see cref="FakeLineApi"/> in place of the
/// network and a fake clock, so that retry delays pass without real waiting.
/// </summary>
internal sealed class LineClientHarness : IDisposable
{
    public static readonly LineChannel Channel = new("1656123456", "channel-access-token", LineChannel.LineApiBaseUrl, LineChannel.LineDataApiBaseUrl);

    private readonly ServiceProvider _services;

    /// <param name="configure">Further registrations, made after the host's.</param>
    public LineClientHarness(Action<IServiceCollection>? configure = null)
    {
        Api = new FakeLineApi(Time);
        var services = new ServiceCollection();
        services.AddLineMessagingClient();
        services.AddHttpClient(LineMessagingClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Api);
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        configure?.Invoke(services);

        _services = services.BuildServiceProvider();
        Factory = _services.GetRequiredService<ILineMessagingClientFactory>();
        RichMenuFactory = _services.GetRequiredService<ILineRichMenuClientFactory>();
    }

    public FakeLineApi Api { get; }
    public FakeTimeProvider Time { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();
    public ILineMessagingClientFactory Factory { get; }
    public ILineRichMenuClientFactory RichMenuFactory { get; }

    public ILineMessagingClient Client(LineChannel? channel = null) => Factory.Create(channel ?? Channel);

    public ILineRichMenuClient RichMenuClient() => RichMenuFactory.Create(Channel);

    /// <summary>Moves the fake clock on, a second at a time, until <paramref name="call"/> has finished its retries.</summary>
    public async Task<T> Complete<T>(Task<T> call)
    {
        await Settle(call);
        return await call;
    }

    /// <inheritdoc cref="Complete{T}(Task{T})"/>
    public async Task Complete(Task call)
    {
        await Settle(call);
        await call;
    }

    private async Task Settle(Task call)
    {
        for (var second = 0; second < 600 && !call.IsCompleted; second++)
        {
            // Gives the pipeline a moment to schedule its next delay on the fake clock.
            await Task.WhenAny(call, Task.Delay(5, TestContext.Current.CancellationToken));
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(call.IsCompleted, "The call did not finish within ten fake minutes.");
    }

    public void Dispose() => _services.Dispose();
}
