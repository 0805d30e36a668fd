using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Jpki;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Privacy;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Applications;

/// <summary>
/// Issue #9's staff side in a browser: staff open a received application in the portal, see the certificate's
/// identity next to what was entered, move it to 審査中 and then 発送済, and the resident's simulator shows a notice
/// for each, with the receipt number and nothing personal.
/// </summary>
public sealed class ApplicationProcessingTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    private static readonly JpkiIdentity Identity = new("柏木　申請", "青森県平川市柏木町藤山二十五番地六", new DateOnly(1980, 5, 1), JpkiSex.Female);

    static ApplicationProcessingTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Staff_review_and_ship_a_received_application_and_the_resident_sees_both_notices()
    {
        await bed.StartAsync();
        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        var resident = await SimulatedPhone.CreateResidentAsync(phone, "柏木 申請");
        await SimulatedPhone.FollowAsync(phone);
        var receiptNumber = await ReceivedAsync(resident);

        var staff = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, displayName: "市民 担当"));
        await staff.GotoAsync("/portal/hirakawa/applications");
        await staff.GetByRole(AriaRole.Link, new() { Name = receiptNumber }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(receiptNumber);
        await Expect(staff.Locator("#application-address-row")).ToContainTextAsync(Identity.Address);
        await Expect(staff.Locator("tr.mismatch")).ToHaveCountAsync(0);
        await staff.WaitForFunctionAsync("() => Object.keys(document.querySelector('#application-start-review')).some(k => k.startsWith('_blazorEvents_'))");

        await staff.GetByRole(AriaRole.Button, new() { Name = "審査を始める" }).ClickAsync();
        await Expect(staff.Locator(".form-success")).ToContainTextAsync("「審査中」にしました。");
        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"申請（受付番号 {receiptNumber}）の審査を始めました。");

        await staff.GetByRole(AriaRole.Button, new() { Name = "発送済にする" }).ClickAsync();
        await Expect(staff.Locator(".form-success")).ToContainTextAsync("「発送済」にしました。");
        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"申請（受付番号 {receiptNumber}）の証明書を郵送しました。");
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "発送済にする" })).ToHaveCountAsync(0);
        await Expect(talk).Not.ToContainTextAsync("柏木町");
    }

    /// <summary>A 住民票の写し application the resident signed and paid for (受付), as the resident flow leaves it; returns its receipt number.</summary>
    private async Task<string> ReceivedAsync(string lineUserId)
    {
        await using var scope = bed.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "staging");
        var services = scope.ServiceProvider;
        var personal = services.GetRequiredService<ApplicationPersonalData>();
        var catalog = await services.GetRequiredService<ApplicationCatalogs>().EffectiveAsync(CancellationToken.None);
        var type = catalog.Type("juminhyo")!;
        var now = DateTimeOffset.UtcNow;
        var application = ResidentApplication.Start(type, lineUserId, Guid.NewGuid().ToString("N"), now);
        var form = new ApplicationFormData(Purpose: "就職・転職", RecipientName: "柏木 申請", PostalCode: "036-0104", Address: "平川市柏木町藤山25-6");
        application.SaveDraft(personal.SealForm(form), 1, "ordinary", now);
        application.Submit(ApplicationAmount.From(type, 1, catalog.PostageOption("ordinary")!), "A-2026-990001", personal.SealDocument("{}"), type.RetentionDays, now);
        application.RecordSignature(
            new JpkiVerification(JpkiVerificationOutcome.Verified, Identity, "E2E0001", now), [1], personal.SealCertificate([2]), personal.SealIdentity(Identity), now);
        application.BeginPayment(application.Id.ToString(), now);
        application.RecordPaymentCompleted(application.Id.ToString(), now);
        var db = services.GetRequiredService<SmartBranchDbContext>();
        db.Add(application);
        await db.SaveChangesAsync();
        return application.ReceiptNumber!;
    }
}
