using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Jpki;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Applications;
using SmartBranch.Modules.Applications.Catalog;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Applications.Privacy;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Applications.Processing;

/// <summary>Applications that residents sent and paid for, put straight into the database, and staff handling them.</summary>
internal sealed class ProcessingScenario(ProcessingBed fixture, LineTestBed bed)
{
    public static readonly TestChannel Channel = LineTestBed.HirakawaStaging;

    public static readonly JpkiIdentity Taro = new("平川　太郎", "青森県平川市柏木町藤山二十五番地六", new DateOnly(1980, 5, 1), JpkiSex.Male);

    public static readonly TestStaff CitizenStaff = Staff("shimin-1", ["市民課"], ApplicationsPermissions.View, ApplicationsPermissions.Process);
    public static readonly TestStaff CitizenViewer = Staff("shimin-viewer", ["市民課"], ApplicationsPermissions.View);
    public static readonly TestStaff TaxStaff = Staff("zeimu-1", ["税務課"], ApplicationsPermissions.View, ApplicationsPermissions.Process);
    public static readonly TestStaff Admin = Staff("admin-1", [], ApplicationsPermissions.View, ApplicationsPermissions.Process, ApplicationsPermissions.AllDepartments);

    private static int _receipts;

    /// <summary>A 住民票の写し application, signed with <see cref="Taro"/>'s card and paid (受付); the payment's reference is its id.</summary>
    public Task<ResidentApplication> ReceivedAsync(string lineUserId, string address = "平川市柏木町藤山25-6", string typeKey = "juminhyo") =>
        bed.InTenantAsync(Channel, async (db, services) =>
        {
            var clock = services.GetRequiredService<TimeProvider>();
            var personal = services.GetRequiredService<ApplicationPersonalData>();
            var catalog = await services.GetRequiredService<ApplicationCatalogs>().EffectiveAsync(CancellationToken.None);
            var type = catalog.Type(typeKey)!;
            var now = clock.GetUtcNow();
            var application = ResidentApplication.Start(type, lineUserId, Guid.NewGuid().ToString("N"), now);
            var form = new ApplicationFormData(Purpose: "就職・転職", RecipientName: "平川 太郎", PostalCode: "036-0104", Address: address, Phone: "0172-44-1111");
            application.SaveDraft(personal.SealForm(form), 2, "ordinary", now);
            var receipt = $"A-2026-{900000 + Interlocked.Increment(ref _receipts):D6}";
            application.Submit(ApplicationAmount.From(type, 2, catalog.PostageOption("ordinary")!), receipt, personal.SealDocument("{}"), type.RetentionDays, now);
            application.RecordSignature(
                new JpkiVerification(JpkiVerificationOutcome.Verified, Taro, "1234ABCD", now), [1, 2, 3], personal.SealCertificate([4, 5, 6]), personal.SealIdentity(Taro), now);
            application.BeginPayment(application.Id.ToString(), now);
            application.RecordPaymentCompleted(application.Id.ToString(), now);
            db.Add(application);
            await db.SaveChangesAsync();
            fixture.Payments.Paid(application.Id.ToString(), application.TotalAmount!.Value);
            return application;
        });

    public Task<ResidentApplication> ApplicationAsync(Guid id) =>
        bed.InTenantAsync(Channel, (db, _) => db.Set<ResidentApplication>().AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>
    /// Opens a LIFF link from the chat as <paramref name="lineUserId"/> does: LINE opens the LIFF app's endpoint
    /// (<c>/r/{tenant}/{env}</c>) followed by the link's path, and the page signs the resident in with their ID token.
    /// </summary>
    public async Task<BrowserPage> OpenLiffLinkAsync(Browser browser, string lineUserId, string link)
    {
        var liffApp = $"https://liff.line.me/{Channel.LiffId}/";
        Assert.StartsWith(liffApp, link, StringComparison.Ordinal);
        var signIn = await browser.GetAsync(Channel.ResidentPath(link[liffApp.Length..]));
        return await browser.SubmitAsync(signIn, new Dictionary<string, string>
        {
            [ResidentSignIn.TokenField] = await bed.IssueIdTokenAsync(lineUserId, Channel.ChannelId),
        });
    }

    /// <summary>A scope of the tenant environment (Hirakawa's staging unless told) with <paramref name="staff"/> signed in, as a portal page's circuit has.</summary>
    public AsyncServiceScope SignedIn(TestStaff staff, TestChannel? channel = null)
    {
        var where = channel ?? Channel;
        var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(where.Tenant, where.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return scope;
    }

    public async Task<T> AsAsync<T>(TestStaff staff, Func<IServiceProvider, Task<T>> work, TestChannel? channel = null)
    {
        await using var scope = SignedIn(staff, channel);
        return await work(scope.ServiceProvider);
    }

    public Task AsAsync(TestStaff staff, Func<IServiceProvider, Task> work, TestChannel? channel = null) => AsAsync(staff, async s =>
    {
        await work(s);
        return true;
    }, channel);

    /// <summary>The audit log's actions on the application, oldest first.</summary>
    public Task<List<(string Action, string Actor)>> AuditedAsync(Guid id) => bed.InTenantAsync(Channel, async (db, _) =>
        (await db.AuditEntries.IgnoreQueryFilters().Where(e => e.TargetId == id.ToString()).OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.ActorUserId }).ToListAsync()).Select(e => (e.Action, e.ActorUserId)).ToList());

    private static TestStaff Staff(string userId, IReadOnlyList<string> departments, params string[] permissions) => new()
    {
        UserId = userId,
        DisplayName = $"職員 {userId}",
        Roles = [StaffRoles.Staff],
        Departments = departments,
        Permissions = [.. permissions],
    };
}
