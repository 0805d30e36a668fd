using Microsoft.Playwright;

namespace SmartBranch.EndToEndTests.Infrastructure;

/// <summary>
/// The machine's Chromium (Debian package <c>chromium</c>), driven by Playwright; Playwright's own browser
/// download is never used. Without it the tests are skipped on a developer's machine, and fail under
/// <c>CI=true</c>, where nothing may be skipped.
/// </summary>
internal static class SystemChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] s_arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var message = $"{ExecutablePath} is missing: install the Debian package chromium (apt-get install chromium).";
        if (IsCi)
        {
            Assert.Fail($"CI=true and {message}");
        }

        Assert.Skip(message);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = s_arguments,
    });
}
