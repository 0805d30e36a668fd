using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Reports;
using SmartBranch.Jpki;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Outbox;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Applications.Domain;
using SmartBranch.Modules.Payments.Contracts;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Applications;

/// <summary>A resident applying on the LIFF pages of Hirakawa's staging, with the card and the payments faked at their seams.</summary>
internal sealed class ApplicationScenario(ApplicationsBed fixture, LineTestBed bed)
{
    public static readonly TestChannel Channel = LineTestBed.HirakawaStaging;
    public static readonly string IndexPath = Channel.ResidentPath("applications");

    public FakeJpki Jpki => fixture.Jpki;

    public FakePayments Payments => fixture.Payments;

    /// <summary>Everything the 住民票の写し form asks, complete.</summary>
    public static Dictionary<string, string> Juminhyo() => new()
    {
        ["purpose"] = "就職・転職",
        ["copies"] = "2",
        ["household_members"] = "平川 花子\n平川 一郎",
        ["items"] = "zokugara",
        ["recipient_name"] = "平川 花子",
        ["postal_code"] = "036-0104",
        ["address"] = "青森県平川市柏木町藤山25番地6",
        ["phone"] = "0172-44-1111",
        ["postage"] = "express",
    };

    public Task<string> FriendAsync() => new ReportScenario(bed).FriendAsync();

    /// <summary>Signs in on the list of certificates.</summary>
    public async Task<BrowserPage> OpenAsync(Browser browser, string userId)
    {
        var signIn = await browser.GetAsync(IndexPath);
        return await browser.SubmitAsync(signIn, new Dictionary<string, string>
        {
            [ResidentSignIn.TokenField] = await bed.IssueIdTokenAsync(userId, Channel.ChannelId),
        });
    }

    /// <summary>Presses a certificate's button on the list.</summary>
    public static Task<BrowserPage> ChooseAsync(Browser browser, BrowserPage index, string typeKey) =>
        browser.SubmitAsync(index, new Dictionary<string, string>(), FormIndex(index, f => f.QuerySelector($"input[name=type][value={typeKey}]") is not null));

    public static Task<BrowserPage> ReviewAsync(Browser browser, BrowserPage form, IReadOnlyDictionary<string, string> fields) =>
        browser.SubmitAsync(form, new Dictionary<string, string>(fields) { ["step"] = "review" });

    /// <summary>Presses a step's button (sign, edit, pay) on the page's form that has it.</summary>
    public static Task<BrowserPage> PressAsync(Browser browser, BrowserPage page, string step) =>
        browser.SubmitAsync(page, new Dictionary<string, string> { ["step"] = step }, FormIndex(page, f => f.QuerySelector($"button[value={step}]") is not null));

    /// <summary>The link the page follows to the provider or the gateway.</summary>
    public static Uri Onward(BrowserPage page) => new(page.Document.QuerySelector("a#onward[data-follow]")?.GetAttribute("href")
        ?? throw new InvalidOperationException($"No link onward on {page.Url} ({page.Status}): {page.Document.Body?.TextContent}"));

    /// <summary>The provider sends the resident back from the card.</summary>
    public Task<BrowserPage> ReturnFromCardAsync(Browser browser, Guid applicationId)
    {
        var request = Jpki.StartedFor(applicationId)[^1];
        return browser.GetAsync(request.ReturnUrl.PathAndQuery + "?sessionId=whatever-the-provider-adds");
    }

    public static Guid IdOf(BrowserPage page) => Guid.Parse(page.Url.Split('?')[0].Split('/')[^1]);

    /// <summary>The whole way from the list to the payment page, verified.</summary>
    public async Task<(Guid Id, BrowserPage Payment)> SignedAsync(Browser browser, string userId, string typeKey, IReadOnlyDictionary<string, string> fields)
    {
        var form = await ChooseAsync(browser, await OpenAsync(browser, userId), typeKey);
        var id = IdOf(form);
        var review = await ReviewAsync(browser, form, fields);
        await PressAsync(browser, review, "sign");
        return (id, await ReturnFromCardAsync(browser, id));
    }

    /// <summary>The Payments module tells of an outcome, as it does through the outbox.</summary>
    public Task PublishAsync(IntegrationEvent paymentEvent) => bed.InTenantAsync(Channel, async (db, services) =>
    {
        services.GetRequiredService<IOutbox>().Add(paymentEvent);
        await db.SaveChangesAsync();
        return true;
    });

    public Task<ResidentApplication> ApplicationAsync(Guid id) =>
        bed.InTenantAsync(Channel, (db, _) => db.Set<ResidentApplication>().AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));

    public Task<ResidentApplication> WaitForAsync(Guid id, Func<ResidentApplication, bool> done, string what) =>
        Eventually.GetAsync(() => ApplicationAsync(id), done, what);

    public async Task PayAsync(Guid id)
    {
        Payments.Paid(id.ToString());
        await PublishAsync(new PaymentCompletedIntegrationEvent(id.ToString(), (await ApplicationAsync(id)).TotalAmount!.Value, "fake"));
        await WaitForAsync(id, a => a.Status == ApplicationStatus.Received, "the application to be received");
    }

    public Task<IReadOnlyList<JsonObject>> InboxAsync(string userId) => bed.InboxAsync(userId);

    private static int FormIndex(BrowserPage page, Func<IElement, bool> match)
    {
        var index = page.Document.Forms.Select((f, i) => (f, i)).FirstOrDefault(x => match(x.f), (null!, -1)).Item2;
        return index >= 0 ? index : throw new InvalidOperationException($"No such form on {page.Url}: {page.Document.Body?.TextContent}");
    }
}

/// <summary>Hirakawa's staging with the emulator as LINE and the JPKI providers and payments faked.</summary>
public abstract class ApplicationsBed(TestDatabaseKind kind) : TestBedFixture
{
    internal FakeJpki Jpki { get; } = new();

    internal FakePayments Payments { get; } = new();

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(kind, configureServices: services =>
    {
        services.AddSingleton<IJpkiProviders>(Jpki);
        services.AddSingleton<IPayments>(Payments);
    });
}

public sealed class SqliteApplicationsBed() : ApplicationsBed(TestDatabaseKind.Sqlite);

public sealed class PostgresApplicationsBed() : ApplicationsBed(TestDatabaseKind.Postgres)
{
    protected override void RequireServices() => TestServices.RequirePostgres();
}
