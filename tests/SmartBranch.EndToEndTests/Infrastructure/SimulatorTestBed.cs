using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace SmartBranch.EndToEndTests.Infrastructure;

/// <summary>
/// The embedded server, a Chromium and a LINE Messaging API client of Hirakawa's staging channel, shared by a
/// test class and started on first use, so that a missing Chromium skips (or, under CI, fails) the tests.
/// </summary>
public sealed class SimulatorTestBed : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<string> _scriptErrors = new();
    private EmbeddedServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _bot;

    internal EmbeddedServer Server => _server ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>Calls the emulator as the server does: LINE's API with the staging channel's access token.</summary>
    public HttpClient Bot => _bot ?? throw new InvalidOperationException("Call StartAsync first.");

    public async Task StartAsync()
    {
        SystemChromium.Require();
        await _gate.WaitAsync();
        try
        {
            if (_server is not null)
            {
                return;
            }

            _server = new EmbeddedServer();
            _server.StartServer();
            _bot = new HttpClient { BaseAddress = _server.EmulatorUrl };
            _bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.StagingAccessToken);
            _playwright = await Playwright.CreateAsync();
            _browser = await SystemChromium.LaunchAsync(_playwright);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Uncaught script errors of the pages opened, which a test asserts there are none of.</summary>
    public IReadOnlyCollection<string> ScriptErrors => _scriptErrors;

    /// <summary>A page of its own (phone-friendly window, Japanese locale) on the resident simulator.</summary>
    public async Task<IPage> OpenSimulatorAsync(string query = "")
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 460, Height = 980 },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        page.PageError += (_, error) => _scriptErrors.Enqueue(error);
        await page.GotoAsync(new Uri(Server.EmulatorUrl, "/_sim/" + query).ToString());
        return page;
    }

    /// <summary>A resident created through the simulation API, a friend of no account yet.</summary>
    public async Task<string> CreateResidentAsync(string displayName)
    {
        var response = await Bot.PostAsJsonAsync("/_sim/users", new { displayName });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
    }

    /// <summary>The events a resident caused, as the emulator delivered them (with the webhook's HTTP status).</summary>
    public async Task<IReadOnlyList<JsonObject>> SentEventsAsync(string userId)
    {
        var body = await Bot.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/events");
        return body!["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _bot?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
