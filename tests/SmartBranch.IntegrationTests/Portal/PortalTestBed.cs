using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Identity;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Audit;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Portal;

/// <summary>The real server with its real sign-in and audit log, for tests that use the portal as staff do.</summary>
public abstract class PortalTestBed : TestBedFixture
{
    protected abstract TestDatabaseKind Database { get; }

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(
        Database,
        extraSettings: new Dictionary<string, string?> { ["Identity:RateLimiting:PerIpPermitLimit"] = "10000" });
}

public sealed class SqlitePortalTestBed : PortalTestBed
{
    protected override TestDatabaseKind Database => TestDatabaseKind.Sqlite;
}

public sealed class PostgresPortalTestBed : PortalTestBed
{
    protected override TestDatabaseKind Database => TestDatabaseKind.Postgres;

    protected override void RequireServices() => TestServices.RequirePostgres();
}

/// <summary>Staff signed in to Hirakawa's portal, and what they post there.</summary>
internal static class PortalSession
{
    /// <summary>A new member of Hirakawa with <paramref name="roles"/>, signed in (an admin sets up the authenticator first, as the portal demands).</summary>
    public static async Task<(Browser Browser, TestAccount Staff)> SignInAsync(LineTestBed bed, params string[] roles)
    {
        var staff = await StaffAccounts.CreateAsync(bed, "hirakawa", roles);
        var browser = new Browser(bed.App.Address);
        var page = await browser.SubmitAsync(await browser.GetAsync("/portal/hirakawa/whoami"),
            new Dictionary<string, string> { ["Email"] = staff.Email, ["Password"] = staff.Password });
        if (page.Path == "/account/setup-authenticator")
        {
            var (_, done) = await browser.SetUpAuthenticatorAsync(page);
            page = await browser.GetAsync(done.Document.QuerySelector("main a")!.GetAttribute("href")!);
        }

        Assert.Equal(("/portal/hirakawa/whoami", HttpStatusCode.OK), (page.Path, page.Status));
        return (browser, staff);
    }

    /// <summary>Posts the page's form whose action ends with <paramref name="actionSuffix"/>: its hidden fields (anti-forgery token included) and <paramref name="fields"/>, without following redirects.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this Browser browser, BrowserPage page, string actionSuffix, params (string Name, string Value)[] fields)
    {
        var form = page.Document.Forms.Single(f => (f.GetAttribute("action") ?? "").EndsWith(actionSuffix, StringComparison.Ordinal));
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return browser.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }

    /// <summary>Posts to <paramref name="path"/> with a token from another page of the portal, as a forged or hand-made request would.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this Browser browser, string path, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetAsync("/portal/hirakawa");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await browser.Client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>The status a browser ends on: a refusal redirects to the access-denied page, which answers 403.</summary>
    public static async Task<HttpStatusCode> FinalStatusAsync(this Browser browser, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? (await browser.GetAsync(response.Headers.Location!.ToString())).Status
            : response.StatusCode;

    /// <summary>Appends to a tenant's audit log as the system, outside any request.</summary>
    public static async Task RecordAsync(LineTestBed bed, string tenant, AuditRecord record)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordForTenantAsync(tenant, record, CancellationToken.None);
    }
}
