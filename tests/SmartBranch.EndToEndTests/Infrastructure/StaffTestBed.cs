using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartBranch.Identity.Email;
using SmartBranch.TestSupport;

namespace SmartBranch.EndToEndTests.Infrastructure;

/// <summary>
/// The embedded server with its staff e-mail captured, and a Chromium in which each person signs in
/// through the sign-in pages in a browser context of their own. Shared by a test class, started on first
/// use, so that a missing Chromium skips (or, under CI, fails) the tests.
/// </summary>
public sealed class StaffTestBed : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmbeddedServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public CapturedEmails Emails { get; } = new();

    internal EmbeddedServer Server => _server ?? throw new InvalidOperationException("Call StartAsync first.");

    public IServiceProvider Services => Server.Services;

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

            _server = new EmbeddedServer(services => services.AddSingleton<IStaffEmailSender>(Emails));
            _server.StartServer();
            _playwright = await Playwright.CreateAsync();
            _browser = await SystemChromium.LaunchAsync(_playwright);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh browser (Japanese, Tokyo time) that has signed in as <paramref name="account"/>, typing its authenticator code when asked.</summary>
    public async Task<IPage> SignInAsync(TestAccount account)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("メールアドレス").FillAsync(account.Email);
        await page.GetByLabel("パスワード").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        if (account.AuthenticatorKey is { } key)
        {
            await page.WaitForURLAsync("**/account/two-factor**");
            await page.GetByLabel("確認コード").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
        }

        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account");
        }
        catch (TimeoutException e)
        {
            var alerts = string.Join(" / ", await page.Locator("[role=alert], .validation-summary-errors").AllInnerTextsAsync());
            throw new TimeoutException($"Signing in ended on {page.Url} ({await page.TitleAsync()}): {alerts}", e);
        }

        return page;
    }

    /// <summary>Signs in as <paramref name="account"/> and switches the portal to Hirakawa's staging, where the simulator's residents are.</summary>
    public async Task<IPage> SignInToStagingAsync(TestAccount account)
    {
        var page = await SignInAsync(account);
        await page.GotoAsync("/portal/hirakawa");
        await page.GetByRole(AriaRole.Button, new() { Name = "ステージング環境" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "ステージング環境" })).ToHaveAttributeAsync("aria-pressed", "true");
        return page;
    }

    /// <summary>The resident simulator in a phone-sized browser of its own (Japanese, Tokyo time).</summary>
    public async Task<IPage> OpenSimulatorAsync()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 460, Height = 980 },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        await page.GotoAsync(new Uri(Server.EmulatorUrl, "/_sim/").ToString());
        return page;
    }

    /// <summary>The messages the emulator delivered to a resident.</summary>
    public async Task<IReadOnlyList<string>> ReceivedTextsAsync(string userId)
    {
        using var emulator = new HttpClient { BaseAddress = Server.EmulatorUrl };
        var inbox = await emulator.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/inbox");
        return inbox!["messages"]!.AsArray().Select(m => m!["message"]?["text"]?.GetValue<string>() ?? "").ToList();
    }

    /// <summary>
    /// Opens a page with an interactive form and waits until the circuit has attached the form's handlers, so
    /// that what the test types reaches the component rather than the prerendered HTML. (Blazor keeps an
    /// element's handlers in a property named <c>_blazorEvents_…</c>.)
    /// </summary>
    public static async Task OpenInteractiveAsync(IPage page, string path, string formSelector = "form")
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync(
            "selector => [...document.querySelectorAll(selector)].some(e => Object.keys(e).some(k => k.startsWith('_blazorEvents_')))",
            formSelector);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
