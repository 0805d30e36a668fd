using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>The delivery screens as the server serves them to staff who signed in.</summary>
public sealed class BroadcastHostingTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_admin_finds_a_delivery_in_the_history_and_opens_what_residents_received()
    {
        var accounts = await host.AccountsAsync();
        var (id, title) = await AddCancelledDeliveryAsync(accounts.Admin.UserId, "来週の健康診断のご案内です");
        var admin = await host.SignInAsync(accounts.Admin, environment: "production");

        var list = await GetPageAsync(admin, "/portal/hirakawa/broadcasts?q=" + Uri.EscapeDataString(title));
        var detail = await GetPageAsync(admin, $"/portal/hirakawa/broadcasts/{id}");

        Assert.Contains($"href=\"/portal/hirakawa/broadcasts/{id}\"", list);
        Assert.Contains("取り消し済み", list);
        Assert.Contains("href=\"/portal/hirakawa/broadcasts/new\"", list);
        Assert.Contains("来週の健康診断のご案内です", detail);
        Assert.Contains("管理 太郎", detail);
    }

    [Fact]
    public async Task A_viewer_exports_the_searched_history_as_csv_and_the_export_is_audited()
    {
        var accounts = await host.AccountsAsync();
        var (_, title) = await AddCancelledDeliveryAsync(accounts.Admin.UserId, "出力される配信");
        var viewer = await host.SignInAsync(accounts.Viewer, environment: "production");
        var list = await viewer.GetAsync("/portal/hirakawa/broadcasts?q=" + Uri.EscapeDataString(title));
        var exportForm = list.Document.Forms.ToList().FindIndex(f => f.GetAttribute("action") == "/portal/hirakawa/broadcasts/export");

        var export = await viewer.SubmitAsync(list, new Dictionary<string, string>(), exportForm);
        var bytes = await export.Response.Content.ReadAsByteArrayAsync();

        Assert.DoesNotContain("href=\"/portal/hirakawa/broadcasts/new\"", list.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Equal("text/csv", export.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains($"{title},取り消し済み", export.Body, StringComparison.Ordinal);
        Assert.Equal(2, export.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(await AuditedAsync("broadcast.history.exported"), e => e.ActorDisplayName == "閲覧 花子");
    }

    [Fact]
    public async Task A_contractor_neither_opens_the_history_nor_exports_it()
    {
        var contractor = await host.SignInAsync((await host.AccountsAsync()).Contractor, environment: "production");

        var list = await contractor.GetAsync("/portal/hirakawa/broadcasts");
        var dashboard = await GetPageAsync(contractor, "/portal/hirakawa");
        var export = await contractor.Client.PostAsync("/portal/hirakawa/broadcasts/export", new FormUrlEncodedContent([]));

        Assert.Equal((HttpStatusCode.Forbidden, "/account/access-denied"), (list.Status, list.Path));
        Assert.DoesNotContain("/portal/hirakawa/broadcasts", dashboard, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        Assert.NotEqual("text/csv", export.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(Guid Id, string Title)> AddCancelledDeliveryAsync(string authorId, string text)
    {
        var title = $"配信 {Guid.NewGuid().ToString("N")[..8]}";
        await using var scope = host.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "production");
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var delivery = BroadcastDelivery.Draft(authorId, new BroadcastDraft(title, [new BroadcastText(text)], null, null, new SendNow()), DateTimeOffset.UtcNow);
        delivery.Cancel(authorId, DateTimeOffset.UtcNow);
        db.Add(delivery);
        await db.SaveChangesAsync();
        return (delivery.Id, title);
    }

    private async Task<IReadOnlyList<AuditEntryView>> AuditedAsync(string action)
    {
        await using var scope = host.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "production");
        var found = await scope.ServiceProvider.GetRequiredService<IAuditLogSearch>()
            .SearchAsync(new AuditSearchFilter(Action: action), 1, 200, CancellationToken.None);
        return found.Entries;
    }

    private static async Task<string> GetPageAsync(Browser browser, string path)
    {
        var page = await browser.GetAsync(path);
        // Blazor encodes every non-ASCII character; the assertions read the text as a browser shows it.
        var body = WebUtility.HtmlDecode(page.Body);
        Assert.True(page.Status == HttpStatusCode.OK && page.Path == path.Split('?')[0], $"{path}: {page.Url} {(int)page.Status}\n{page.Text}");
        return body;
    }
}
