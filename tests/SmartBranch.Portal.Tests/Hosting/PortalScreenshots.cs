using System.Diagnostics;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>
/// Not a check: takes screenshots of the portal with headless Chromium for a person to look at.
/// Runs only when <c>PORTAL_SCREENSHOTS</c> names a folder, e.g.
/// <c>PORTAL_SCREENSHOTS=/tmp/portal dotnet test --project tests/SmartBranch.Portal.Tests</c>.
/// Chromium cannot send headers, so <see cref="ScreenshotRequests"/> turns query values into them.
/// </summary>
public sealed class PortalScreenshots(BrowsingPortalHost host) : IClassFixture<BrowsingPortalHost>
{
    private const string Chromium = "/usr/bin/chromium";

    public static TheoryData<string, string> Pages => new()
    {
        { "dashboard-production-ja", "/portal/hirakawa?as=admin" },
        { "dashboard-staging-ja", "/portal/hirakawa?as=admin&env=staging" },
        { "dashboard-staging-en", "/portal/hirakawa?as=admin&env=staging&lang=en" },
        { "staff-ja", "/portal/hirakawa/staff?as=admin" },
        { "viewer-dashboard-ja", "/portal/hirakawa?as=viewer" },
        { "ops-tenants-ja", "/ops?as=operator" },
        { "ops-tenant-ja", "/ops/tenants/hirakawa?as=operator" },
        { "ops-create-en", "/ops/create-tenant?as=operator&lang=en" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Take(string name, string path)
    {
        var folder = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "Set PORTAL_SCREENSHOTS to a folder to take screenshots.");
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed.");
        Directory.CreateDirectory(folder!);

        ScreenshotRequests.Enabled = true;
        using var _ = host.ClientAs(null);
        using var chromium = Process.Start(new ProcessStartInfo(Chromium)
        {
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars",
                "--virtual-time-budget=3000", $"--screenshot={Path.Combine(folder!, name + ".png")}", "--window-size=1280,900",
                new Uri(host.Address, path).ToString(),
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await chromium.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(0, chromium.ExitCode);
    }
}
