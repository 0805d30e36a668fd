using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Portal;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Maintenance;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Operations.Maintenance;

/// <summary>
/// Maintenance windows through the real server, on a clock the test moves: the console's 14-day rule, the portal's
/// banner, residents' maintenance page while LINE's webhook keeps answering, and everything back after the window.
/// </summary>
public abstract class MaintenanceWindowTests(TestDatabaseKind kind) : IAsyncLifetime
{
    private static readonly TestChannel Staging = LineTestBed.HirakawaStaging;
    private static readonly string ResidentPage = Staging.ResidentPath(PreferencesEndpoints.Page);

    // Starts at the real time: sign-in cookies and authenticator codes are checked against it.
    private readonly MovableClock _clock = new();
    private LineTestBed _bed = null!;
    private TestAccount _operator = null!;

    public async ValueTask InitializeAsync()
    {
        _bed = await LineTestBed.StartAsync(
            kind,
            extraSettings: new Dictionary<string, string?> { ["Identity:RateLimiting:PerIpPermitLimit"] = "10000" },
            configureServices: services => services.AddSingleton<TimeProvider>(_clock));
        _operator = await TestAccounts.CreateOperatorAsync(_bed.App.Services);
    }

    public async ValueTask DisposeAsync()
    {
        await _bed.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_window_sooner_than_14_days_is_refused_unless_an_emergency_and_only_operators_schedule()
    {
        var soon = Window(TimeSpan.FromHours(2), TimeSpan.FromHours(2), MaintenanceStops.ResidentPages);

        var refusal = await Assert.ThrowsAsync<MaintenanceRuleException>(() => AsOperatorAsync(c => c.ScheduleAsync(soon, CancellationToken.None)));
        Assert.StartsWith("メンテナンスは開始の14日前までに予定してください", Assert.Single(refusal.Problems), StringComparison.Ordinal);
        var member = await TestAccounts.CreateMemberAsync(_bed.App.Services, "hirakawa", [StaffRoles.Admin]);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AsAsync(member, c => c.ScheduleAsync(soon, CancellationToken.None)));

        var planned = await AsOperatorAsync(c => c.ScheduleAsync(Window(TimeSpan.FromDays(15), TimeSpan.FromHours(4), MaintenanceStops.ResidentPages), CancellationToken.None));
        var emergency = await AsOperatorAsync(c => c.ScheduleAsync(soon with { IsEmergency = true, EmergencyReason = "脆弱性の緊急修正" }, CancellationToken.None));

        var list = await AsOperatorAsync(c => c.ListAsync(CancellationToken.None));
        Assert.Equal([emergency, planned], list.Upcoming.Select(w => w.Id));
        var audited = await _bed.InTenantAsync(Staging, (db, _) => db.AuditEntries
            .Where(e => e.Chain == "hirakawa" && e.Action == "maintenance.scheduled").OrderBy(e => e.Sequence).Select(e => e.Summary).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.Contains("（緊急）", audited[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task During_a_window_residents_get_the_maintenance_page_while_LINE_webhooks_staff_and_health_carry_on()
    {
        var (browser, _) = await PortalSession.SignInAsync(_bed, StaffRoles.Staff);
        using var _browser = browser;
        // Ten minutes ahead: far enough that the banner is still the announcement when the test reads it on a busy
        // machine, near enough that the staff member's portal session, checked against the moved clock, still holds.
        var request = Window(TimeSpan.FromMinutes(10), TimeSpan.FromHours(3), MaintenanceStops.ResidentPages) with
        {
            IsEmergency = true, EmergencyReason = "データベースの緊急更新", AnnounceToResidents = true,
        };
        var id = await AsOperatorAsync(c => c.ScheduleAsync(request, CancellationToken.None));
        var period = MaintenanceTime.Describe(request.StartsAt, request.EndsAt);

        var announced = await browser.GetAsync("/portal/hirakawa");
        Assert.Contains($"{period} はメンテナンスのため、住民向け画面（LINE からのお手続き）を停止します。",
            announced.Document.QuerySelector(".maintenance-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _bed.Server.GetAsync(ResidentPage)).StatusCode);
        var draft = await Eventually.GetAsync(
            () => _bed.InTenantAsync(LineTestBed.HirakawaProduction, (db, _) => db.Set<BroadcastDelivery>().AsNoTracking().ToListAsync()),
            deliveries => deliveries.Count > 0, "the announcement's draft delivery");
        Assert.Equal((BroadcastDeliveryState.Draft, $"メンテナンスのお知らせ（{period}）"), (draft[0].State, draft[0].Title));

        _clock.SetUtcNow(request.StartsAt);
        var stopped = await _bed.Server.GetAsync(ResidentPage);
        var page = await stopped.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        Assert.Equal(TimeSpan.FromHours(3), stopped.Headers.RetryAfter?.Delta);
        Assert.Contains($"<strong>{MaintenanceTime.Until(request.EndsAt)}</strong> までご利用いただけません", page, StringComparison.Ordinal);
        Assert.Contains("平川市役所 総務課", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tel:0172441111\">0172-44-1111</a>", page, StringComparison.Ordinal);
        var webhook = await _bed.PostWebhookAsync(Staging, WebhookBodies.Callback(WebhookBodies.Follow(await _bed.CreateLineUserAsync())));
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bed.Server.GetAsync("/healthz")).StatusCode);
        var during = await browser.GetAsync("/portal/hirakawa");
        Assert.Equal(HttpStatusCode.OK, during.Status);
        Assert.StartsWith($"メンテナンス中です（{MaintenanceTime.Until(request.EndsAt)} まで）", during.Document.QuerySelector(".maintenance-banner strong")!.TextContent, StringComparison.Ordinal);

        _clock.SetUtcNow(request.EndsAt);
        Assert.Equal(HttpStatusCode.OK, (await _bed.Server.GetAsync(ResidentPage)).StatusCode);
        var (after, _) = await PortalSession.SignInAsync(_bed, StaffRoles.Staff);
        using var _after = after;
        var portalAfter = await after.GetAsync("/portal/hirakawa");
        Assert.Equal(("/portal/hirakawa", HttpStatusCode.OK), (portalAfter.Path, portalAfter.Status));
        Assert.Null(portalAfter.Document.QuerySelector(".maintenance-banner"));
        Assert.Empty((await AsOperatorAsync(c => c.ListAsync(CancellationToken.None))).Current);
        Assert.Equal(id, (await AsOperatorAsync(c => c.ListAsync(CancellationToken.None))).Past.Single().Id);
    }

    [Fact]
    public async Task A_window_stopping_the_portal_leaves_resident_pages_and_the_console_working_and_ends_when_cancelled()
    {
        var (staff, _) = await PortalSession.SignInAsync(_bed, StaffRoles.Staff);
        using var _staff = staff;
        using var operatorBrowser = new Browser(_bed.App.Address);
        await operatorBrowser.SignInAsync(_operator, "/ops/maintenance");
        var request = Window(TimeSpan.Zero, TimeSpan.FromHours(2), MaintenanceStops.Portal) with
        {
            EnvironmentName = TenantEnvironmentNames.Production, IsEmergency = true, EmergencyReason = "サーバーの入れ替え",
        };
        var id = await AsOperatorAsync(c => c.ScheduleAsync(request, CancellationToken.None));

        _clock.SetUtcNow(request.StartsAt);
        var portal = await staff.GetAsync("/portal/hirakawa");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, portal.Status);
        Assert.Contains("平川市の職員ポータルは、メンテナンスのため", portal.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _bed.Server.GetAsync(ResidentPage)).StatusCode);
        var console = await operatorBrowser.GetAsync("/ops/maintenance");
        Assert.Equal(HttpStatusCode.OK, console.Status);
        Assert.Contains(MaintenanceTime.Describe(request.StartsAt, request.EndsAt), console.Document.QuerySelector("#maintenance-current")!.TextContent, StringComparison.Ordinal);

        await AsOperatorAsync(async c => { await c.CancelAsync(id, "作業が早く終わったため", CancellationToken.None); return true; });

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/portal/hirakawa")).Status);
    }

    /// <summary>A window for Hirakawa starting <paramref name="startsIn"/> from the test clock, on a whole minute, as the form enters it.</summary>
    private MaintenanceWindowRequest Window(TimeSpan startsIn, TimeSpan length, MaintenanceStops stops)
    {
        var now = JapanTime.From(_clock.GetUtcNow()).DateTime;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddMinutes(1) + startsIn;
        return new MaintenanceWindowRequest("hirakawa", null, start, start + length, stops, "システムの定期更新",
            "平川市役所 総務課", "0172-44-1111", "平日 8:30〜17:15", false, null);
    }

    private Task<T> AsOperatorAsync<T>(Func<IMaintenanceConsole, Task<T>> action) => AsAsync(_operator, action);

    private async Task<T> AsAsync<T>(TestAccount account, Func<IMaintenanceConsole, Task<T>> action)
    {
        await using var scope = _bed.App.Services.CreateAsyncScope();
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, account.UserId)], "Test"));
        await scope.ServiceProvider.GetRequiredService<ICurrentStaffLoader>().LoadAsync(signedIn, CancellationToken.None);
        return await action(scope.ServiceProvider.GetRequiredService<IMaintenanceConsole>());
    }
}

public sealed class SqliteMaintenanceWindowTests() : MaintenanceWindowTests(TestDatabaseKind.Sqlite);

public sealed class PostgresMaintenanceWindowTests : MaintenanceWindowTests
{
    public PostgresMaintenanceWindowTests() : base(TestDatabaseKind.Postgres) => TestServices.RequirePostgres();
}
