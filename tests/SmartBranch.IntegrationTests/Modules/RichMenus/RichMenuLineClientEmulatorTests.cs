using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.Line;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Line.RichMenus;
using SmartBranch.LineEmulator;

namespace SmartBranch.IntegrationTests.Modules.RichMenus;

/// <summary>Our typed rich menu client against the emulator, which answers as LINE does and enforces LINE's limits.</summary>
public sealed class RichMenuLineClientEmulatorTests : IAsyncLifetime
{
    private const string ChannelId = "2000000401";
    private const string AccessToken = "richmenu-client-token";

    private LineEmulatorServer _emulator = null!;
    private ServiceProvider _services = null!;
    private ILineRichMenuClient _client = null!;
    private HttpClient _sim = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await LineEmulatorServer.StartAsync(new LineEmulatorOptions
        {
            Url = "http://127.0.0.1:0",
            Channels = [new EmulatorChannel { ChannelId = ChannelId, ChannelSecret = "00112233445566778899aabbccddeeff", ChannelAccessToken = AccessToken }],
        });
        _services = new ServiceCollection().AddLogging().AddLineMessagingClient().BuildServiceProvider();
        _client = _services.GetRequiredService<ILineRichMenuClientFactory>()
            .Create(new LineChannel(ChannelId, AccessToken, _emulator.BaseUrl, _emulator.BaseUrl));
        _sim = new HttpClient { BaseAddress = _emulator.BaseUrl };
    }

    public async ValueTask DisposeAsync()
    {
        _sim.Dispose();
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_menu_with_its_image_becomes_the_default_a_resident_sees_and_a_linked_menu_overrides_it()
    {
        var resident = await CreateUserAsync();
        var home = await CreateWithImageAsync("ホーム");
        var disaster = await CreateWithImageAsync("防災");

        await _client.SetDefaultRichMenuAsync(home);
        var seenFirst = await MenuSeenByAsync(resident);
        await _client.LinkRichMenuToUserAsync(resident, disaster);
        var seenLinked = await MenuSeenByAsync(resident);
        await _client.UnlinkRichMenuFromUserAsync(resident);
        var seenAfter = await MenuSeenByAsync(resident);

        Assert.Equal((home, "default"), seenFirst);
        Assert.Equal((disaster, "user"), seenLinked);
        Assert.Equal((home, "default"), seenAfter);
        Assert.Equal(home, await _client.GetDefaultRichMenuIdAsync());
        await using var image = await _client.DownloadRichMenuImageAsync(home);
        Assert.Equal("image/png", image.ContentType);
    }

    [Fact]
    public async Task Validate_answers_with_LINEs_reasons_and_creates_nothing()
    {
        var tooLong = Menu("メニュー") with { ChatBarText = "十四文字を超えるチャットバーのテキスト" };

        await _client.ValidateRichMenuAsync(Menu("正しい"));
        var error = await Assert.ThrowsAsync<LineApiException>(() => _client.ValidateRichMenuAsync(tooLong));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(error.Details, d => d.Property == "chatBarText");
        Assert.Empty(await _client.ListRichMenusAsync());
    }

    [Fact]
    public async Task An_image_cannot_be_replaced_and_a_menu_without_one_cannot_be_the_default()
    {
        var id = await _client.CreateRichMenuAsync(Menu("画像なし"));

        var noImage = await Assert.ThrowsAsync<LineApiException>(() => _client.SetDefaultRichMenuAsync(id));
        await _client.UploadRichMenuImageAsync(id, Png(), "image/png");
        var replaced = await Assert.ThrowsAsync<LineApiException>(() => _client.UploadRichMenuImageAsync(id, Png(), "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, noImage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replaced.StatusCode);
    }

    [Fact]
    public async Task Tabs_switch_through_aliases_and_deleting_a_menu_removes_its_alias()
    {
        var resident = await CreateUserAsync();
        var first = await CreateWithImageAsync("くらし");
        var second = await CreateWithImageAsync("手続き");
        await _client.CreateRichMenuAliasAsync("tab-life", first);
        await _client.CreateRichMenuAliasAsync("tab-procedures", first);
        await _client.UpdateRichMenuAliasAsync("tab-procedures", second);

        (await _sim.PostAsJsonAsync($"/_sim/users/{resident}/events", new { type = "follow", channelId = ChannelId })).EnsureSuccessStatusCode();
        var switched = await _sim.PostAsJsonAsync(
            $"/_sim/users/{resident}/events", new { type = "postback", data = "tab=procedures", newRichMenuAliasId = "tab-procedures", channelId = ChannelId });
        switched.EnsureSuccessStatusCode();

        Assert.Equal((second, "user"), await MenuSeenByAsync(resident));
        Assert.Equal(
            [new LineRichMenuAlias("tab-life", first), new LineRichMenuAlias("tab-procedures", second)],
            (await _client.ListRichMenuAliasesAsync()).OrderBy(a => a.RichMenuAliasId));

        Assert.True(await _client.DeleteRichMenuAsync(second));
        Assert.False(await _client.DeleteRichMenuAsync(second));
        Assert.Equal([new LineRichMenuAlias("tab-life", first)], await _client.ListRichMenuAliasesAsync());
    }

    [Fact]
    public async Task Bulk_link_takes_500_residents_at_once_and_bulk_unlink_returns_them_to_the_default()
    {
        var residents = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            residents.Add(await CreateUserAsync());
        }

        var home = await CreateWithImageAsync("ホーム");
        var segment = await CreateWithImageAsync("子育て");
        await _client.SetDefaultRichMenuAsync(home);

        await _client.LinkRichMenuToUsersAsync(segment, residents);
        var linked = await Task.WhenAll(residents.Select(MenuSeenByAsync));
        await _client.UnlinkRichMenuFromUsersAsync(residents);
        var unlinked = await Task.WhenAll(residents.Select(MenuSeenByAsync));

        Assert.All(linked, seen => Assert.Equal((segment, "user"), seen));
        Assert.All(unlinked, seen => Assert.Equal((home, "default"), seen));
        var tooMany = Enumerable.Range(0, LineRichMenuLimits.MaxBulkUsers + 1).Select(i => $"U{i:x32}").ToList();
        await Assert.ThrowsAsync<ArgumentException>(() => _client.LinkRichMenuToUsersAsync(segment, tooMany));
    }

    [Fact]
    public async Task The_101st_creation_within_an_hour_is_refused_with_429_and_not_repeated()
    {
        for (var i = 0; i < LineRichMenuLimits.MaxCreationsPerHour; i++)
        {
            await _client.CreateRichMenuAsync(Menu($"メニュー{i}"));
        }

        var refused = await Assert.ThrowsAsync<LineApiException>(() => _client.CreateRichMenuAsync(Menu("超過")));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(LineRichMenuLimits.MaxCreationsPerHour, (await _client.ListRichMenusAsync()).Count);
    }

    private static LineRichMenu Menu(string name) => new(
        new LineRichMenuSize(2500, 843),
        Selected: false,
        name,
        "メニュー",
        [
            new LineRichMenuArea(new LineRichMenuBounds(0, 0, 1250, 843), new UriAction("https://www.city.hirakawa.lg.jp/")),
            new LineRichMenuArea(new LineRichMenuBounds(1250, 0, 1250, 843), new PostbackAction("menu=procedures")),
        ]);

    private async Task<string> CreateWithImageAsync(string name)
    {
        var id = await _client.CreateRichMenuAsync(Menu(name));
        await _client.UploadRichMenuImageAsync(id, Png(), "image/png");
        return id;
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(2500, 843);
        bitmap.Erase(SKColors.SeaGreen);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private async Task<string> CreateUserAsync()
    {
        var response = await _sim.PostAsJsonAsync("/_sim/users", new { displayName = "平川 花子", language = "ja" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!.GetValue<string>();
    }

    private async Task<(string? RichMenuId, string? Source)> MenuSeenByAsync(string userId)
    {
        var seen = await _sim.GetFromJsonAsync<JsonObject>($"/_sim/users/{userId}/richmenu?channelId={ChannelId}");
        return (seen!["richMenu"]!["richMenuId"]!.GetValue<string>(), seen["source"]!.GetValue<string>());
    }
}
