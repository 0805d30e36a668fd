using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.EndToEndTests.Reports;

/// <summary>Staff find reports on the inbox's map with the keyboard, and a case's place on its small map, in Chromium.</summary>
public sealed class ReportMapTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    [Fact]
    public async Task Staff_reach_a_reports_marker_with_the_keyboard_open_it_and_see_the_case_on_its_own_map()
    {
        await bed.StartAsync();
        var report = await FileAsync("R-2022-900001", "road", 40.5841, 140.5668);
        await FileAsync("R-2022-900002", "dumping", 40.6100, 140.5600);
        var page = await bed.SignInAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, "平川 管理者"));

        await page.GotoAsync("/portal/hirakawa/reports/map?from=2022-01-01&to=2022-12-31");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "件を地図に表示" })).ToHaveTextAsync("2 件を地図に表示しています。");
        var marker = page.GetByRole(AriaRole.Button, new() { Name = "R-2022-900001 道路の損傷 受付" });
        await Assertions.Expect(marker).ToBeVisibleAsync();
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var link = page.Locator(".leaflet-popup-content a");
        await Assertions.Expect(link).ToHaveTextAsync("R-2022-900001");

        await link.ClickAsync();
        await page.WaitForURLAsync($"**/portal/hirakawa/reports/{report.Id}");
        await Assertions.Expect(page.Locator(".report-map-small").GetByRole(AriaRole.Button, new() { Name = "通報 R-2022-900001 の場所" })).ToBeVisibleAsync();
    }

    private async Task<ReportCase> FileAsync(string receiptNumber, string category, double latitude, double longitude)
    {
        await using var scope = bed.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "production");
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var report = ReportCase.File(
            new ReportSubmission($"U{Guid.NewGuid():N}", category, $"photo{Guid.NewGuid():N}"[..30], latitude, longitude, null, null, null),
            receiptNumber, category == "dumping" ? "kankyo" : "doboku", null, new DateTimeOffset(2022, 6, 1, 0, 0, 0, TimeSpan.Zero));
        db.Add(report);
        db.Add(ReportCaseEntry.Filed(report));
        await db.SaveChangesAsync();
        return report;
    }
}
