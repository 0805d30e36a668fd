using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Portal;

/// <summary>The rich menu screens through the server: who may see and edit menus, their images, the audit trail, and LINE's validation.</summary>
public abstract class RichMenuPortalTests(PortalTestBed fixture)
{
    [Fact]
    public async Task Staff_see_a_stored_menu_in_the_list_with_its_thumbnail_and_open_its_editor()
    {
        var bed = await fixture.GetAsync();
        var (browser, staff) = await PortalSession.SignInAsync(bed, StaffRoles.Staff);
        using var _browser = browser;
        var name = $"くらし {Guid.NewGuid():N}"[..12];
        var id = await AsAsync(bed, staff, e => e.CreateAsync(Draft(name), Png(2500, 843), CancellationToken.None));

        var list = await browser.GetAsync("/portal/hirakawa/richmenus");
        var image = await browser.Client.GetAsync($"/portal/hirakawa/richmenus/{id}/image");
        var editor = await browser.GetAsync($"/portal/hirakawa/richmenus/{id}");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = list.Document.QuerySelectorAll(".richmenu-table tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Equal($"/portal/hirakawa/richmenus/{id}/image", row.QuerySelector("img.richmenu-thumbnail")!.GetAttribute("src"));
        Assert.Contains("配信対象ごと・個別", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("小 (2500×843)", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/portal/hirakawa/richmenus/{id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("リッチメニュー", list.Document.QuerySelector(".sidenav")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (image.StatusCode, image.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.OK, "リッチメニューを編集"), (editor.Status, editor.Document.QuerySelector("h1")!.TextContent));
    }

    [Fact]
    public async Task A_viewer_sees_the_list_but_is_refused_the_editor_and_the_module_refuses_their_changes()
    {
        var bed = await fixture.GetAsync();
        var (staffBrowser, staff) = await PortalSession.SignInAsync(bed, StaffRoles.Staff);
        staffBrowser.Dispose();
        var id = await AsAsync(bed, staff, e => e.CreateAsync(Draft("閲覧者にも見える"), Png(2500, 843), CancellationToken.None));
        var (browser, viewer) = await PortalSession.SignInAsync(bed, StaffRoles.Viewer);
        using var _browser = browser;

        var list = await browser.GetAsync("/portal/hirakawa/richmenus");
        var newPage = await browser.GetAsync("/portal/hirakawa/richmenus/new");
        var editPage = await browser.GetAsync($"/portal/hirakawa/richmenus/{id}");
        var details = await AsAsync(bed, viewer, e => e.GetAsync(id, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Null(list.Document.QuerySelector("#richmenu-new"));
        Assert.Null(list.Document.QuerySelector($".richmenu-table a[href$='{id}']"));
        Assert.Equal((HttpStatusCode.Forbidden, "/account/access-denied"), (newPage.Status, newPage.Path));
        Assert.Equal((HttpStatusCode.Forbidden, "/account/access-denied"), (editPage.Status, editPage.Path));
        await Assert.ThrowsAsync<RichMenuForbiddenException>(() =>
            AsAsync(bed, viewer, e => e.UpdateAsync(id, details!.Draft with { Name = "閲覧者の変更" }, details.ConcurrencyStamp, CancellationToken.None)));
        await Assert.ThrowsAsync<RichMenuForbiddenException>(() =>
            AsAsync(bed, viewer, e => e.ValidateWithLineAsync(details!.Draft, 2500, 843, CancellationToken.None)));
    }

    [Fact]
    public async Task Anyone_signed_out_is_sent_to_sign_in_for_the_list_and_the_images()
    {
        var bed = await fixture.GetAsync();
        using var browser = new Browser(bed.App.Address);

        var list = await browser.GetAsync("/portal/hirakawa/richmenus");
        var image = await browser.GetAsync($"/portal/hirakawa/richmenus/{Guid.NewGuid()}/image");

        Assert.StartsWith("/account/signin", list.Path, StringComparison.Ordinal);
        Assert.StartsWith("/account/signin", image.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_and_changing_a_menu_are_in_the_tenants_audit_log_under_the_staff_member()
    {
        var bed = await fixture.GetAsync();
        var (staffBrowser, staff) = await PortalSession.SignInAsync(bed, StaffRoles.Staff);
        staffBrowser.Dispose();
        var id = await AsAsync(bed, staff, e => e.CreateAsync(Draft("監査される"), Png(2500, 843), CancellationToken.None));
        var loaded = await AsAsync(bed, staff, e => e.GetAsync(id, CancellationToken.None));
        await AsAsync(bed, staff, e => e.UpdateAsync(id, loaded!.Draft with { ChatBarText = "変更後" }, loaded.ConcurrencyStamp, CancellationToken.None));
        var (browser, _) = await PortalSession.SignInAsync(bed, StaffRoles.Admin);
        using var _browser = browser;

        var page = await browser.GetAsync($"/portal/hirakawa/audit?q={id}");

        var rows = page.Document.QuerySelectorAll(".audit-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("richmenus.menu.changed", rows[0], StringComparison.Ordinal);
        Assert.Contains("richmenus.menu.created", rows[1], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains(staff.DisplayName, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LINE_validates_a_menu_through_the_environments_channel_and_LIFF_app_creating_nothing()
    {
        var bed = await fixture.GetAsync();
        var (staffBrowser, staff) = await PortalSession.SignInAsync(bed, StaffRoles.Staff);
        staffBrowser.Dispose();
        var accepted = await AsAsync(bed, staff, e => e.ValidateWithLineAsync(Draft("検証"), 2500, 843, CancellationToken.None));
        // Our rules do not judge an image's size (the image checks do), so LINE is asked and refuses it.
        var refused = await AsAsync(bed, staff, e => e.ValidateWithLineAsync(Draft("大きすぎる"), 3000, 843, CancellationToken.None));

        Assert.Empty(accepted);
        var problem = Assert.Single(refused);
        Assert.Equal("image", problem.Field);
        Assert.StartsWith("画像の大きさを LINE が受け付けませんでした（LINE の説明: Must be between 800 and 2500", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await AsAsync(bed, staff, e => e.ListAsync(CancellationToken.None)), m => m.Name == "検証");
    }

    private static RichMenuDraft Draft(string name) => new(
        name,
        "メニュー",
        RichMenuRole.Segment,
        null,
        OpenedAtFirst: false,
        [
            new RichMenuArea(new RichMenuBounds(0, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.Uri, "https://www.city.hirakawa.lg.jp/", "市のホームページ")),
            new RichMenuArea(new RichMenuBounds(1250, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.LiffPage, "reports/new")),
        ]);

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task AsAsync(LineTestBed bed, TestAccount staff, Func<IRichMenuEditor, Task> work) =>
        await AsAsync(bed, staff, async e =>
        {
            await work(e);
            return true;
        });

    /// <summary>Runs <paramref name="work"/> in Hirakawa's production environment, the portal's default, as <paramref name="staff"/> signed in.</summary>
    private static async Task<T> AsAsync<T>(LineTestBed bed, TestAccount staff, Func<IRichMenuEditor, Task<T>> work)
    {
        var channel = LineTestBed.HirakawaProduction;
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, staff.UserId)], "Test"));
        await scope.ServiceProvider.GetRequiredService<ICurrentStaffLoader>().LoadAsync(signedIn, CancellationToken.None);
        return await work(scope.ServiceProvider.GetRequiredService<IRichMenuEditor>());
    }
}

public sealed class SqliteRichMenuPortalTests(SqlitePortalTestBed fixture) : RichMenuPortalTests(fixture), IClassFixture<SqlitePortalTestBed>;

public sealed class PostgresRichMenuPortalTests(PostgresPortalTestBed fixture) : RichMenuPortalTests(fixture), IClassFixture<PostgresPortalTestBed>;
