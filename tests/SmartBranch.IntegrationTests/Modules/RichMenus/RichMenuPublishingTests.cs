using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Identity;
using SmartBranch.Identity.OpenId;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line;
using SmartBranch.Line.RichMenus;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.RichMenus;
using SmartBranch.Modules.RichMenus.Domain;
using SmartBranch.Modules.RichMenus.Features.DisasterMode;
using SmartBranch.Modules.RichMenus.Features.EditMenus;
using SmartBranch.Modules.RichMenus.Features.ImportFiles;
using SmartBranch.Modules.RichMenus.Features.Publish;

namespace SmartBranch.IntegrationTests.Modules.RichMenus;

/// <summary>
/// Hirakawa's menus from its files to LINE (the emulator, with LINE's limits): publishing, promotion to production and
/// disaster mode, as residents then see their menu.
/// </summary>
public abstract class RichMenuPublishingTests(TestBedFixture fixture)
{
    internal static readonly TestStaff Publisher = TestStaff.Member(
        "publisher-1", RichMenuPermissions.View, RichMenuPermissions.Edit, RichMenuPermissions.Publish, RichMenuPermissions.DisasterMode);

    internal static readonly TestStaff Editor = TestStaff.Member("editor-2", RichMenuPermissions.View, RichMenuPermissions.Edit);

    [Fact]
    public async Task The_tenants_files_become_menus_once_and_never_over_staff_edits()
    {
        var bed = await ImportedAsync();
        var life = await MenuAsync(bed, RichMenuRole.Default);
        var details = (await AsAsync<IRichMenuEditor, RichMenuDetails?>(bed, Editor, e => e.GetAsync(life.Id, default)))!;
        await AsAsync<IRichMenuEditor, bool>(bed, Editor, async e =>
        {
            await e.UpdateAsync(life.Id, details.Draft with { ChatBarText = "くらしのメニュー" }, details.ConcurrencyStamp, default);
            return true;
        });

        var again = await AsAsync<IRichMenuFileImporter, RichMenuFileImportResult>(bed, Editor, i => i.ImportAsync(default));

        Assert.Empty(again.Imported);
        var menus = await AsAsync<IRichMenuEditor, IReadOnlyList<RichMenuSummary>>(bed, Editor, e => e.ListAsync(default));
        Assert.Equal(["標準（くらし）", "標準（手続き）", "防災モード"], menus.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal("くらしのメニュー", menus.Single(m => m.Id == life.Id).ChatBarText);
    }

    [Fact]
    public async Task A_published_menu_is_what_residents_see_and_publishing_an_edit_replaces_it_on_LINE()
    {
        var bed = await ImportedAsync();
        var resident = await bed.CreateLineUserAsync();
        var life = await MenuAsync(bed, RichMenuRole.Default);
        var procedures = await MenuAsync(bed, RichMenuRole.Tab);

        await PublishAsync(bed, procedures.Id);
        await PublishAsync(bed, life.Id);
        var first = await LineIdAsync(bed, life.Id);
        var seen = await MenuSeenByAsync(bed, resident);
        var details = (await AsAsync<IRichMenuEditor, RichMenuDetails?>(bed, Editor, e => e.GetAsync(life.Id, default)))!;
        await AsAsync<IRichMenuEditor, bool>(bed, Editor, async e =>
        {
            await e.UpdateAsync(life.Id, details.Draft with { Name = "標準（くらし）" }, details.ConcurrencyStamp, default);
            return true;
        });
        var changed = await StatusAsync(bed, life.Id);
        await PublishAsync(bed, life.Id);
        var second = await LineIdAsync(bed, life.Id);

        Assert.Equal((first, "default"), seen);
        Assert.Equal(RichMenuPublishStatus.ChangedSincePublished, changed);
        Assert.Equal(RichMenuPublishStatus.Published, await StatusAsync(bed, life.Id));
        Assert.NotEqual(first, second);
        Assert.Equal((second, "default"), await MenuSeenByAsync(bed, resident));
        var line = Line(bed, LineTestBed.HirakawaStaging);
        Assert.DoesNotContain(await line.ListRichMenusAsync(), m => m.RichMenuId == first);
        var aliases = await line.ListRichMenuAliasesAsync();
        Assert.Contains(new LineRichMenuAlias("hirakawa-life", second), aliases);
        Assert.Contains(new LineRichMenuAlias("hirakawa-procedures", await LineIdAsync(bed, procedures.Id)), aliases);
    }

    [Fact]
    public async Task What_LINE_refuses_is_told_in_Japanese_with_LINEs_reasons_and_nothing_is_created()
    {
        var bed = await ImportedAsync();
        var procedures = await MenuAsync(bed, RichMenuRole.Tab);
        var before = await Line(bed, LineTestBed.HirakawaStaging).ListRichMenusAsync();
        var outside = """[{"bounds":{"x":0,"y":0,"width":2600,"height":250},"action":{"kind":"Uri","value":"https://www.city.hirakawa.lg.jp/"}}]""";
        var original = await bed.InTenantAsync(LineTestBed.HirakawaStaging, async (db, _) =>
        {
            var areas = await db.Set<RichMenu>().Where(m => m.Id == procedures.Id).Select(m => m.AreasJson).SingleAsync();
            await db.Set<RichMenu>().Where(m => m.Id == procedures.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.AreasJson, outside));
            return areas;
        });

        try
        {
            var refused = await Assert.ThrowsAsync<RichMenuPublishException>(() => PublishAsync(bed, procedures.Id));

            Assert.StartsWith("LINE がこのメニューを受け付けませんでした。", refused.Message, StringComparison.Ordinal);
            Assert.Contains("areas[0].bounds", refused.Message, StringComparison.Ordinal);
            Assert.Equal(before.Count, (await Line(bed, LineTestBed.HirakawaStaging).ListRichMenusAsync()).Count);
        }
        finally
        {
            await bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) =>
                db.Set<RichMenu>().Where(m => m.Id == procedures.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.AreasJson, original)));
        }
    }

    [Fact]
    public async Task The_hours_creations_are_counted_per_channel_and_the_next_is_refused_with_the_time_it_frees_up()
    {
        var bed = await ImportedAsync();
        var disaster = await MenuAsync(bed, RichMenuRole.Disaster);
        var oldest = DateTimeOffset.UtcNow.AddMinutes(-50);
        var creations = Enumerable.Range(0, LineRichMenuLimits.MaxCreationsPerHour)
            .Select(i => new RichMenuCreation(LineTestBed.HirakawaStaging.ChannelId, oldest.AddSeconds(i)))
            .ToList();
        await bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) =>
        {
            db.AddRange(creations);
            return db.SaveChangesAsync();
        });

        try
        {
            var refused = await Assert.ThrowsAsync<RichMenuCreationLimitException>(() => PublishAsync(bed, disaster.Id));

            Assert.InRange(refused.FreesAt, oldest.AddHours(1).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(1));
            Assert.Contains("1 時間に作れるリッチメニューが 100 個まで", refused.Message, StringComparison.Ordinal);
            Assert.Contains(JapanTime.Display(refused.FreesAt), refused.Message, StringComparison.Ordinal);
            Assert.Equal(0, (await AsAsync<IRichMenuPublisher, RichMenuPublishing>(bed, Publisher, p => p.GetAsync(default))).CreationsLeftThisHour);
        }
        finally
        {
            var ids = creations.Select(c => c.Id).ToList();
            await bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) => db.Set<RichMenuCreation>().Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Disaster_mode_shows_every_resident_the_disaster_menu_prepares_a_draft_once_and_switches_back()
    {
        var bed = await ImportedAsync();
        var resident = await bed.CreateLineUserAsync();
        await PublishAsync(bed, (await MenuAsync(bed, RichMenuRole.Tab)).Id);
        await PublishAsync(bed, (await MenuAsync(bed, RichMenuRole.Default)).Id);
        await PublishAsync(bed, (await MenuAsync(bed, RichMenuRole.Disaster)).Id);
        var defaultMenu = await LineIdAsync(bed, (await MenuAsync(bed, RichMenuRole.Default)).Id);
        var disasterMenu = await LineIdAsync(bed, (await MenuAsync(bed, RichMenuRole.Disaster)).Id);

        var both = await Task.WhenAll(SwitchAsync(bed, on: true), SwitchAsync(bed, on: true));
        var seenDuring = await MenuSeenByAsync(bed, resident);
        var again = await SwitchAsync(bed, on: true);
        var draftId = Assert.Single(both.Select(s => s.DraftDeliveryId).Distinct())!.Value;
        var draft = await Eventually.GetAsync(
            () => bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) => db.Set<BroadcastDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId)),
            d => d is not null, "the emergency delivery draft");
        var off = await SwitchAsync(bed, on: false);

        Assert.All(both, s => Assert.True(s.IsOn));
        Assert.Equal((disasterMenu, "default"), seenDuring);
        Assert.Equal(draftId, again.DraftDeliveryId);
        Assert.Equal(BroadcastDeliveryState.Draft, draft!.State);
        Assert.Equal(DisasterModeSwitch.DraftTitle, draft.Title);
        Assert.False(off.IsOn);
        Assert.Equal((defaultMenu, "default"), await MenuSeenByAsync(bed, resident));
        Assert.Equal(1, await bed.InTenantAsync(LineTestBed.HirakawaStaging, (db, _) =>
            db.Set<BroadcastDelivery>().CountAsync(d => d.Title == DisasterModeSwitch.DraftTitle)));
    }

    [Fact]
    public async Task Promotion_recreates_stagings_menus_on_the_production_channel_and_deletes_those_no_longer_used()
    {
        var bed = await ImportedAsync();
        var production = Line(bed, LineTestBed.HirakawaProduction);
        var leftover = await production.CreateRichMenuAsync(new LineRichMenu(
            new LineRichMenuSize(2500, 843), false, "手作業で作った古いメニュー", "古い",
            [new LineRichMenuArea(new LineRichMenuBounds(0, 0, 2500, 843), new Line.Messages.MessageAction("古い"))]));
        await AsAsync<IRichMenuFileImporter, RichMenuFileImportResult>(bed, Editor, i => i.ImportAsync(default), LineTestBed.HirakawaProduction);
        var stagingMenus = await AsAsync<IRichMenuEditor, IReadOnlyList<RichMenuSummary>>(bed, Editor, e => e.ListAsync(default));
        var (disasterDraft, disasterImage) = await AsAsync<IRichMenuEditor, (RichMenuDraft, byte[])>(bed, Editor, async e =>
        {
            var disaster = (await e.GetAsync(stagingMenus.Single(m => m.Role == RichMenuRole.Disaster).Id, default))!;
            await using var image = (await e.OpenImageAsync(disaster.Id, default))!;
            using var bytes = new MemoryStream();
            await image.CopyToAsync(bytes);
            return (disaster.Draft, bytes.ToArray());
        });
        var productionOnly = await AsAsync<IRichMenuEditor, Guid>(bed, Editor, e =>
            e.CreateAsync(disasterDraft with { Name = "本番だけのメニュー", Role = RichMenuRole.Segment }, disasterImage, default), LineTestBed.HirakawaProduction);

        var promoted = await AsAsync<IRichMenuPublisher, RichMenuPromotionResult>(bed, Publisher, p => p.PromoteAsync(default));

        Assert.Subset(stagingMenus.Select(m => m.Name).ToHashSet(), promoted.Published.ToHashSet());
        Assert.Contains("本番だけのメニュー", promoted.Removed);
        var productionState = await AsAsync<IRichMenuPublisher, RichMenuPublishing>(bed, Publisher, p => p.GetAsync(default), LineTestBed.HirakawaProduction);
        Assert.Equal(stagingMenus.Select(m => m.Name).Order(StringComparer.Ordinal), productionState.Menus.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(productionState.Menus, m => Assert.Equal(RichMenuPublishStatus.Published, m.Status));
        Assert.DoesNotContain(productionState.Menus, m => m.MenuId == productionOnly);
        var onLine = (await production.ListRichMenusAsync()).Select(m => m.RichMenuId).ToList();
        Assert.DoesNotContain(leftover, onLine);
        var productionDefault = productionState.Menus.Single(m => m.Role == RichMenuRole.Default).MenuId;
        Assert.Equal(await LineIdAsync(bed, productionDefault, LineTestBed.HirakawaProduction), await production.GetDefaultRichMenuIdAsync());
        Assert.Equal(productionState.Menus.Count, onLine.Count);
        Assert.All(productionState.Menus, m => Assert.NotEqual(stagingMenus.Single(s => s.Name == m.Name).Id, m.MenuId));
    }

    [Fact]
    public async Task The_disaster_systems_API_switches_production_with_a_token_of_the_tenant_holding_the_disaster_mode_scope()
    {
        var bed = await ImportedAsync();
        await AsAsync<IRichMenuPublisher, RichMenuPromotionResult>(bed, Publisher, p => p.PromoteAsync(default));
        var resident = await bed.CreateLineUserAsync();
        var general = await TokenAsync(bed, []);
        var disasterSystem = await TokenAsync(bed, [ApiScopes.DisasterMode]);

        var anonymous = await SwitchByApiAsync(bed, null, JsonContent.Create(new { on = true }));
        var withoutScope = await SwitchByApiAsync(bed, general, JsonContent.Create(new { on = true }));
        var withoutAnswer = await SwitchByApiAsync(bed, disasterSystem, JsonContent.Create(new { }));
        var on = await SwitchByApiAsync(bed, disasterSystem, JsonContent.Create(new { on = true }));
        var onBody = await on.Content.ReadFromJsonAsync<JsonObject>();
        var seenDuring = await MenuSeenByAsync(bed, resident, LineTestBed.HirakawaProduction);
        var off = await SwitchByApiAsync(bed, disasterSystem, JsonContent.Create(new { on = false }));
        var seenAfter = await MenuSeenByAsync(bed, resident, LineTestBed.HirakawaProduction);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutScope.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.True(onBody!["on"]!.GetValue<bool>());
        Assert.NotNull(onBody["draftDeliveryId"]);
        var production = await AsAsync<IRichMenuPublisher, RichMenuPublishing>(bed, Publisher, p => p.GetAsync(default), LineTestBed.HirakawaProduction);
        var disasterMenu = await LineIdAsync(bed, production.Menus.Single(m => m.Role == RichMenuRole.Disaster).MenuId, LineTestBed.HirakawaProduction);
        var defaultMenu = await LineIdAsync(bed, production.Menus.Single(m => m.Role == RichMenuRole.Default).MenuId, LineTestBed.HirakawaProduction);
        Assert.Equal((disasterMenu, "default"), seenDuring);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal((defaultMenu, "default"), seenAfter);
    }

    private static async Task<string> TokenAsync(LineTestBed bed, IReadOnlyCollection<string> scopes)
    {
        ApiClientCredentials client;
        await using (var scope = bed.App.Services.CreateAsyncScope())
        {
            client = await scope.ServiceProvider.GetRequiredService<IApiClients>().RegisterAsync("hirakawa", "防災システム", scopes, default);
        }

        var response = await bed.Server.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = string.Join(' ', scopes.Prepend(SmartBranchAuthentication.ApiScope)),
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"The token endpoint refused: {body}");
        return body!["access_token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> SwitchByApiAsync(LineTestBed bed, string? token, HttpContent body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/hirakawa/richmenus/disaster-mode") { Content = body };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return bed.Server.SendAsync(request);
    }

    private Task<LineTestBed> ImportedAsync() => ImportedAsync(fixture);

    /// <summary>The bed with Hirakawa's menu files imported into staging (once).</summary>
    internal static async Task<LineTestBed> ImportedAsync(TestBedFixture fixture)
    {
        var bed = await fixture.GetAsync();
        var tenants = bed.App.Services.GetRequiredService<IConfiguration>()["Tenants:Directory"]!;
        var source = Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa", RichMenuFiles.FolderName);
        var target = Path.Combine(tenants, "hirakawa", RichMenuFiles.FolderName);
        if (!Directory.Exists(target))
        {
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }

        await AsAsync<IRichMenuFileImporter, RichMenuFileImportResult>(bed, Editor, i => i.ImportAsync(default));
        return bed;
    }

    internal static async Task<RichMenuSummary> MenuAsync(LineTestBed bed, RichMenuRole role) =>
        (await AsAsync<IRichMenuEditor, IReadOnlyList<RichMenuSummary>>(bed, Editor, e => e.ListAsync(default))).Single(m => m.Role == role);

    internal static async Task PublishAsync(LineTestBed bed, Guid menuId)
    {
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "staging");
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(Publisher);
        await scope.ServiceProvider.GetRequiredService<IRichMenuPublisher>().PublishAsync(menuId, default);
    }

    internal static Task<DisasterModeStatus> SwitchAsync(LineTestBed bed, bool on) =>
        AsAsync<IDisasterMode, DisasterModeStatus>(bed, Publisher, d => d.SwitchAsync(on, default));

    private static async Task<RichMenuPublishStatus> StatusAsync(LineTestBed bed, Guid menuId) =>
        (await AsAsync<IRichMenuPublisher, RichMenuPublishing>(bed, Publisher, p => p.GetAsync(default))).Menus.Single(m => m.MenuId == menuId).Status;

    internal static Task<string> LineIdAsync(LineTestBed bed, Guid menuId, TestChannel? channel = null) =>
        bed.InTenantAsync(channel ?? LineTestBed.HirakawaStaging, (db, _) =>
            db.Set<RichMenuPublication>().Where(p => p.MenuId == menuId).Select(p => p.LineRichMenuId).SingleAsync());

    internal static ILineRichMenuClient Line(LineTestBed bed, TestChannel channel) =>
        bed.App.Services.GetRequiredService<ILineRichMenuClientFactory>()
            .Create(new LineChannel(channel.ChannelId, channel.AccessToken, bed.Emulator.BaseUrl, bed.Emulator.BaseUrl));

    internal static async Task<(string? RichMenuId, string? Source)> MenuSeenByAsync(LineTestBed bed, string userId, TestChannel? channel = null)
    {
        var seen = await bed.EmulatorClient.GetFromJsonAsync<JsonObject>(
            $"/_sim/users/{userId}/richmenu?channelId={(channel ?? LineTestBed.HirakawaStaging).ChannelId}");
        return (seen!["richMenu"]?["richMenuId"]?.GetValue<string>(), seen["source"]?.GetValue<string>());
    }

    internal static async Task<T> AsAsync<TService, T>(
        LineTestBed bed, TestStaff staff, Func<TService, Task<T>> work, TestChannel? channel = null) where TService : notnull
    {
        channel ??= LineTestBed.HirakawaStaging;
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(channel.Tenant, channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

public sealed class SqliteRichMenuPublishingTests(SqliteRichMenusBed fixture) : RichMenuPublishingTests(fixture), IClassFixture<SqliteRichMenusBed>;

public sealed class PostgresRichMenuPublishingTests(PostgresRichMenusBed fixture) : RichMenuPublishingTests(fixture), IClassFixture<PostgresRichMenusBed>;
