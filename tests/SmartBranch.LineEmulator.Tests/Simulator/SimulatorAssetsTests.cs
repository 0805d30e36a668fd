using System.Net;

namespace SmartBranch.LineEmulator.Tests.Simulator;

public sealed class SimulatorAssetsTests
{
    [Fact]
    public async Task The_simulator_page_and_its_scripts_are_served_from_the_emulators_origin()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var page = await h.Sim.GetAsync("/_sim/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await h.Sim.GetAsync("/_sim/js/app.js");
        var sdk = await h.Sim.GetAsync("/_sim/liff/sdk.js");

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", page.Content.Headers.ContentType.CharSet);
        Assert.Contains("lang=\"ja\"", html, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, sdk.StatusCode);
        Assert.Contains("window.liff", await sdk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SmartBranch.LineEmulator.LineEmulatorServer.LiffSdkUrlFor(h.Server.BaseUrl), new Uri(h.Server.BaseUrl, "/_sim/liff/sdk.js"));
    }

    [Fact]
    public async Task The_bare_path_redirects_and_unknown_files_are_LINEs_404()
    {
        await using var h = await EmulatorHarness.StartAsync();
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = h.Server.BaseUrl };

        var bare = await noRedirects.GetAsync("/_sim");

        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/_sim/", bare.Headers.Location!.OriginalString);
        await LineAssert.ErrorAsync(await h.Sim.GetAsync("/_sim/nothing.js"), HttpStatusCode.NotFound, "Not found");
    }
}
