using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.EditMenus;

namespace SmartBranch.IntegrationTests.Modules.RichMenus;

/// <summary>What the editor screens ask of the module: store a menu on its image, change it, and refuse what LINE would refuse.</summary>
public abstract class RichMenuEditorTests(TestBedFixture fixture)
{
    private static readonly TestStaff Editor = TestStaff.Member("editor-1", RichMenuPermissions.View, RichMenuPermissions.Edit);
    private static readonly TestStaff Viewer = TestStaff.Member("viewer-1", RichMenuPermissions.View);

    private static RichMenuDraft Draft(string name, RichMenuRole role = RichMenuRole.Segment, string? tabAliasId = null) => new(
        name,
        "メニュー",
        role,
        tabAliasId,
        OpenedAtFirst: true,
        [
            new RichMenuArea(new RichMenuBounds(0, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.Uri, "https://www.city.hirakawa.lg.jp/", "市のホームページ")),
            new RichMenuArea(new RichMenuBounds(1250, 0, 1250, 843), new RichMenuAction(RichMenuActionKind.LiffPage, "reports/new")),
        ]);

    [Fact]
    public async Task A_menu_is_stored_with_its_image_as_a_JPEG_of_the_same_size()
    {
        var bed = await fixture.GetAsync();

        var id = await AsAsync(bed, Editor, e => e.CreateAsync(Draft("子育て世帯向け"), Png(2500, 843), CancellationToken.None));

        var details = await AsAsync(bed, Viewer, e => e.GetAsync(id, CancellationToken.None));
        Assert.NotNull(details);
        Assert.Equal((2500, 843, "子育て世帯向け"), (details.Width, details.Height, details.Draft.Name));
        Assert.Equal(Draft("子育て世帯向け").Areas, details.Draft.Areas);
        var (format, width) = await AsAsync(bed, Viewer, async e =>
        {
            await using var image = await e.OpenImageAsync(id, CancellationToken.None);
            using var codec = SKCodec.Create(image!);
            return (codec.EncodedFormat, codec.Info.Width);
        });
        Assert.Equal((SKEncodedImageFormat.Jpeg, 2500), (format, width));
        Assert.Contains(await AsAsync(bed, Viewer, e => e.ListAsync(CancellationToken.None)), m => m.Id == id && m.AreaCount == 2);
    }

    [Fact]
    public async Task An_image_LINE_would_refuse_is_explained_and_nothing_is_stored()
    {
        var bed = await fixture.GetAsync();
        var before = await AsAsync(bed, Viewer, e => e.ListAsync(CancellationToken.None));

        var refused = await Assert.ThrowsAsync<RichMenuRuleException>(() =>
            AsAsync(bed, Editor, e => e.CreateAsync(Draft("縦長の画像"), Png(1000, 1000), CancellationToken.None)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("image", problem.Field);
        Assert.Contains("1.45 倍以上", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await AsAsync(bed, Viewer, e => e.ListAsync(CancellationToken.None))).Count);
    }

    [Fact]
    public async Task The_fitted_offer_of_an_oversized_image_is_accepted()
    {
        var bed = await fixture.GetAsync();

        var id = await AsAsync(bed, Editor, e =>
        {
            var fitted = e.FitImage(Png(3000, 1000));
            var wholeImage = new RichMenuArea(new RichMenuBounds(0, 0, 2500, 833), new RichMenuAction(RichMenuActionKind.Message, "メニュー"));
            return e.CreateAsync(Draft("大きすぎた画像") with { Areas = [wholeImage] }, fitted, CancellationToken.None);
        });

        var details = await AsAsync(bed, Viewer, e => e.GetAsync(id, CancellationToken.None));
        Assert.Equal((2500, 833), (details!.Width, details.Height));
    }

    [Fact]
    public async Task Areas_are_checked_against_the_images_size()
    {
        var bed = await fixture.GetAsync();
        var draft = Draft("はみ出す領域") with
        {
            Areas = [new RichMenuArea(new RichMenuBounds(0, 0, 2500, 1686), new RichMenuAction(RichMenuActionKind.Message, "ごみの日"))],
        };

        var refused = await Assert.ThrowsAsync<RichMenuRuleException>(() =>
            AsAsync(bed, Editor, e => e.CreateAsync(draft, Png(2500, 843), CancellationToken.None)));

        Assert.Equal("領域 1 が画像（2500×843）からはみ出しています。", Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public async Task A_tab_alias_names_one_tab_and_a_stale_edit_is_refused()
    {
        var bed = await fixture.GetAsync();
        var first = await AsAsync(bed, Editor, e => e.CreateAsync(Draft("くらし", RichMenuRole.Tab, "tab-editor-life"), Png(2500, 843), CancellationToken.None));

        var duplicate = await Assert.ThrowsAsync<RichMenuRuleException>(() =>
            AsAsync(bed, Editor, e => e.CreateAsync(Draft("くらし（複製）", RichMenuRole.Tab, "tab-editor-life"), Png(2500, 843), CancellationToken.None)));
        var loaded = await AsAsync(bed, Viewer, e => e.GetAsync(first, CancellationToken.None));
        await AsAsync(bed, Editor, e => e.UpdateAsync(first, loaded!.Draft with { ChatBarText = "くらしの情報" }, loaded.ConcurrencyStamp, CancellationToken.None));
        var stale = await Assert.ThrowsAsync<RichMenuRuleException>(() =>
            AsAsync(bed, Editor, e => e.UpdateAsync(first, loaded!.Draft with { ChatBarText = "古い画面から" }, loaded.ConcurrencyStamp, CancellationToken.None)));

        Assert.Equal("tabAliasId", Assert.Single(duplicate.Problems).Field);
        Assert.Contains("同時に変更されました", stale.Message, StringComparison.Ordinal);
        Assert.Equal("くらしの情報", (await AsAsync(bed, Viewer, e => e.GetAsync(first, CancellationToken.None)))!.Draft.ChatBarText);
    }

    [Fact]
    public async Task Viewers_cannot_create_and_other_tenants_do_not_see_the_menus()
    {
        var bed = await fixture.GetAsync();
        var id = await AsAsync(bed, Editor, e => e.CreateAsync(Draft("平川市だけ"), Png(2500, 843), CancellationToken.None));

        await Assert.ThrowsAsync<RichMenuForbiddenException>(() =>
            AsAsync(bed, Viewer, e => e.CreateAsync(Draft("閲覧者"), Png(2500, 843), CancellationToken.None)));
        var elsewhere = await AsAsync(bed, LineTestBed.OtherCityStaging, Viewer, e => e.GetAsync(id, CancellationToken.None));

        Assert.Null(elsewhere);
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SeaGreen);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static Task<T> AsAsync<T>(LineTestBed bed, TestStaff staff, Func<IRichMenuEditor, Task<T>> work) =>
        AsAsync(bed, LineTestBed.HirakawaStaging, staff, work);

    private static Task<bool> AsAsync(LineTestBed bed, TestStaff staff, Func<IRichMenuEditor, Task> work) =>
        AsAsync(bed, LineTestBed.HirakawaStaging, staff, async e =>
        {
            await work(e);
            return true;
        });

    private static async Task<T> AsAsync<T>(LineTestBed bed, TestChannel channel, TestStaff staff, Func<IRichMenuEditor, Task<T>> work)
    {
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider.GetRequiredService<IRichMenuEditor>());
    }
}

public sealed class SqliteRichMenusBed : TestBedFixture
{
    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Sqlite, configureServices: AddTestStaff);

    internal static void AddTestStaff(IServiceCollection services)
    {
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
    }
}

public sealed class PostgresRichMenusBed : TestBedFixture
{
    protected override void RequireServices() => TestServices.RequirePostgres();

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Postgres, configureServices: SqliteRichMenusBed.AddTestStaff);
}

public sealed class SqliteRichMenuEditorTests(SqliteRichMenusBed fixture) : RichMenuEditorTests(fixture), IClassFixture<SqliteRichMenusBed>;

public sealed class PostgresRichMenuEditorTests(PostgresRichMenusBed fixture) : RichMenuEditorTests(fixture), IClassFixture<PostgresRichMenusBed>;
