using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Modules.Help;
using SmartBranch.Portal.Shell;
using SmartBranch.TestSupport;
using SmartBranch.TestSupport.Manual;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Manual;

/// <summary>
/// The manual's screenshots, taken from the demo tenant's staging by following each section's screenshot steps,
/// with the elements to click outlined and numbered. Normally the steps are only followed, into a scratch folder,
/// so a page that no longer has a marked element fails here; with <c>UPDATE_MANUAL_SCREENSHOTS=1</c> the PNGs and
/// <c>docs/manual/screenshots/manifest.json</c> are rewritten:
/// <c>UPDATE_MANUAL_SCREENSHOTS=1 dotnet test --filter "FullyQualifiedName~ManualScreenshots"</c> in this project's folder.
/// </summary>
public sealed class ManualScreenshots(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    private const string Tenant = "hirakawa";
    private static readonly string[] DemoResidents = ["平川 太郎", "尾上 花子", "碇ヶ関 一郎"];

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_MANUAL_SCREENSHOTS") == "1";

    [Fact]
    public async Task Every_screenshot_step_of_the_manual_finds_its_page_and_the_elements_it_marks()
    {
        await bed.StartAsync();
        var root = ManualScreenshotSources.RepositoryRoot();
        var output = Updating ? ManualScreenshotManifest.DirectoryPath(root) : Directory.CreateTempSubdirectory("smartbranch-manual-").FullName;
        await SeedDemoResidentsAsync();
        await DemoApplication.SeedAsync(bed.Services, Tenant);
        var staff = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(
            bed.Services, Tenant, [StaffRoles.Admin], withAuthenticator: true, displayName: "平川市 職員"));
        var console = await bed.SignInAsync(await TestAccounts.CreateOperatorAsync(bed.Services));

        var records = new List<ManualScreenshotRecord>();
        foreach (var section in ManualLibrary.LoadEmbedded().Sections)
        {
            foreach (var step in section.Screenshots)
            {
                var page = step.IsConsole ? console : staff;
                var path = step.IsConsole ? step.Path : PortalRoutes.TenantPage(Tenant, step.Path);
                await TakeAsync(page, path, step, Path.Combine(output, step.File));
                var source = ManualScreenshotSources.For(root, path);
                records.Add(new ManualScreenshotRecord(step.File, section.Id, path, source.Page, source.SourceHash));
            }
        }

        if (Updating)
        {
            new ManualScreenshotManifest(records).Write(root);
        }
        else
        {
            Directory.Delete(output, recursive: true);
        }

        Assert.NotEmpty(records);
    }

    private static async Task TakeAsync(IPage page, string path, ManualScreenshot step, string file)
    {
        await page.SetViewportSizeAsync(1280, 900);
        if (step.Setup.Count > 0)
        {
            await StaffTestBed.OpenInteractiveAsync(page, path, step.WaitFor ?? "form");
        }
        else
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(step.WaitFor ?? "main h1").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }

        foreach (var action in step.Setup)
        {
            if (action.Click is { } click)
            {
                await page.Locator(click).First.ClickAsync();
            }
            else
            {
                await page.Locator(action.Fill!).First.FillAsync(action.Value ?? "");
            }
        }

        foreach (var mark in step.Marks)
        {
            await Expect(page.Locator(mark.Selector).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }

        await page.EvaluateAsync(Callouts.Draw, step.Marks.Select((m, i) => new { selector = m.Selector, number = i + 1, label = m.Label }).ToArray());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        await page.EvaluateAsync(Callouts.Remove);
    }

    private async Task SeedDemoResidentsAsync()
    {
        using var emulator = new HttpClient { BaseAddress = bed.Server.EmulatorUrl };
        foreach (var name in DemoResidents)
        {
            var created = await emulator.PostAsJsonAsync("/_sim/users", new { displayName = name });
            created.EnsureSuccessStatusCode();
            var userId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
            (await emulator.PostAsJsonAsync($"/_sim/users/{userId}/events", new { type = "follow" })).EnsureSuccessStatusCode();
        }
    }
}
