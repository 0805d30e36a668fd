using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SmartBranch.LineEmulator.Tests.RichMenus;

public sealed class RichMenuTests
{
    private static object Menu(int width = 2500, int height = 1686, string chatBarText = "メニュー", int areas = 1) => new
    {
        size = new { width, height },
        selected = true,
        name = "平川市メニュー",
        chatBarText,
        areas = Enumerable.Range(0, areas).Select(_ => new
        {
            bounds = new { x = 0, y = 0, width = 100, height = 100 },
            action = new { type = "postback", data = "menu=a" },
        }),
    };

    private static async Task<string> CreateAsync(EmulatorHarness h)
    {
        var response = await h.Bot.PostAsJsonAsync("/v2/bot/richmenu", Menu());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["richMenuId"]!.GetValue<string>();
        Assert.StartsWith("richmenu-", id, StringComparison.Ordinal);
        return id;
    }

    private static Task<HttpResponseMessage> UploadAsync(EmulatorHarness h, string id, byte[] image, string contentType = "image/png")
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return h.Bot.PostAsync($"/v2/bot/richmenu/{id}/content", content);
    }

    [Fact]
    public async Task Create_get_list_delete()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = await CreateAsync(h);

        var menu = (await h.Bot.GetFromJsonAsync<JsonObject>($"/v2/bot/richmenu/{id}"))!;
        var list = (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/richmenu/list"))!;
        var deleted = await h.Bot.DeleteAsync($"/v2/bot/richmenu/{id}");

        Assert.Equal(id, menu["richMenuId"]!.GetValue<string>());
        Assert.Equal("メニュー", menu["chatBarText"]!.GetValue<string>());
        Assert.Equal(id, Assert.Single(list["richmenus"]!.AsArray())!["richMenuId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        await LineAssert.ErrorAsync(await h.Bot.GetAsync($"/v2/bot/richmenu/{id}"), HttpStatusCode.NotFound, "Not found");
    }

    [Theory]
    [InlineData(799, 250, "size.width")]
    [InlineData(2501, 1686, "size.width")]
    [InlineData(800, 249, "size.height")]
    [InlineData(1450, 1001, "size")]
    public async Task Menu_size_rules_are_enforced(int width, int height, string property)
    {
        await using var h = await EmulatorHarness.StartAsync();

        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/validate", Menu(width, height)), property);
        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu", Menu(width, height)), property);
    }

    [Fact]
    public async Task Chat_bar_text_and_area_count_are_limited()
    {
        await using var h = await EmulatorHarness.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/validate", Menu(chatBarText: new string('あ', 14), areas: 20))).StatusCode);
        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/validate", Menu(chatBarText: new string('あ', 15))), "chatBarText");
        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/validate", Menu(areas: 21)), "areas");
    }

    [Fact]
    public async Task Image_is_accepted_once_downloadable_and_never_replaced()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = await CreateAsync(h);
        var png = TestImages.Png(2500, 1686);

        var first = await UploadAsync(h, id, png);
        var second = await UploadAsync(h, id, TestImages.Png(2500, 843));
        var download = await h.Bot.GetAsync($"/v2/bot/richmenu/{id}/content");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await LineAssert.ErrorAsync(second, HttpStatusCode.BadRequest, "An image has already been uploaded to the richmenu");
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(799, 600, false)]
    [InlineData(800, 551, true)]
    [InlineData(800, 552, false)] // 800 / 552 < 1.45
    [InlineData(2501, 1000, false)]
    [InlineData(1200, 249, false)]
    public async Task Image_size_and_ratio_rules(int width, int height, bool accepted)
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = await CreateAsync(h);

        var response = await UploadAsync(h, id, TestImages.Png(width, height));

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Jpeg_dimensions_are_read_from_the_frame_header()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var ok = await CreateAsync(h);
        var tooNarrow = await CreateAsync(h);

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(h, ok, TestImages.JpegHeader(1200, 405), "image/jpeg")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(h, tooNarrow, TestImages.JpegHeader(700, 405), "image/jpeg")).StatusCode);
    }

    [Fact]
    public async Task Image_over_1MB_or_not_an_image_is_refused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = await CreateAsync(h);

        var big = await UploadAsync(h, id, TestImages.Png(2500, 1686, padToBytes: (1024 * 1024) + 1));
        var gif = await UploadAsync(h, id, [0x47, 0x49, 0x46, 0x38], "image/gif");
        var mislabelled = await UploadAsync(h, id, TestImages.Png(2500, 1686), "image/jpeg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, gif.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mislabelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(h, id, TestImages.Png(2500, 1686, padToBytes: 1024 * 1024))).StatusCode);
    }

    [Fact]
    public async Task Default_and_per_user_links_require_an_image()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var id = await CreateAsync(h);

        await LineAssert.ErrorAsync(await h.Bot.PostAsync($"/v2/bot/user/all/richmenu/{id}", null), HttpStatusCode.BadRequest, "must upload richmenu image before applying it to user");
        await LineAssert.ErrorAsync(await h.Bot.PostAsync($"/v2/bot/user/{userId}/richmenu/{id}", null), HttpStatusCode.BadRequest, "must upload richmenu image before applying it to user");
        await UploadAsync(h, id, TestImages.Png(2500, 1686));

        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsync($"/v2/bot/user/all/richmenu/{id}", null)).StatusCode);
        Assert.Equal(id, (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/user/all/richmenu"))!["richMenuId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.DeleteAsync("/v2/bot/user/all/richmenu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Bot.GetAsync("/v2/bot/user/all/richmenu")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsync($"/v2/bot/user/{userId}/richmenu/{id}", null)).StatusCode);
        Assert.Equal(id, (await h.Bot.GetFromJsonAsync<JsonObject>($"/v2/bot/user/{userId}/richmenu"))!["richMenuId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.DeleteAsync($"/v2/bot/user/{userId}/richmenu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Bot.GetAsync($"/v2/bot/user/{userId}/richmenu")).StatusCode);
    }

    [Fact]
    public async Task Bulk_link_and_unlink_accept_at_most_500_users()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (a, _) = await h.CreateFollowerAsync("A");
        var (b, _) = await h.CreateFollowerAsync("B");
        var id = await CreateAsync(h);
        await UploadAsync(h, id, TestImages.Png(2500, 1686));
        var tooMany = Enumerable.Range(0, 501).Select(i => "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));

        var link = await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/bulk/link", new { richMenuId = id, userIds = new[] { a, b } });
        var unlink = await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/bulk/unlink", new { userIds = new[] { a } });

        Assert.Equal(HttpStatusCode.Accepted, link.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unlink.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Bot.GetAsync($"/v2/bot/user/{a}/richmenu")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.GetAsync($"/v2/bot/user/{b}/richmenu")).StatusCode);
        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/bulk/link", new { richMenuId = id, userIds = tooMany }), "userIds");
        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/bulk/unlink", new { userIds = tooMany }), "userIds");
    }

    [Fact]
    public async Task Aliases_and_a_rich_menu_switch_postback()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (userId, _) = await h.CreateFollowerAsync();
        var first = await CreateAsync(h);
        var second = await CreateAsync(h);
        await UploadAsync(h, first, TestImages.Png(2500, 1686));
        await UploadAsync(h, second, TestImages.Png(2500, 1686));

        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/alias", new { richMenuAliasId = "page-a", richMenuId = first })).StatusCode);
        await LineAssert.ErrorAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/alias", new { richMenuAliasId = "page-a", richMenuId = second }), HttpStatusCode.BadRequest, "conflict richmenu alias id");
        await LineAssert.ValidationAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/alias", new { richMenuAliasId = "Page A", richMenuId = second }), "richMenuAliasId");
        Assert.Equal(HttpStatusCode.OK, (await h.Bot.PostAsJsonAsync("/v2/bot/richmenu/alias/page-a", new { richMenuId = second })).StatusCode);
        Assert.Equal(second, (await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/richmenu/alias/page-a"))!["richMenuId"]!.GetValue<string>());
        Assert.Single((await h.Bot.GetFromJsonAsync<JsonObject>("/v2/bot/richmenu/alias/list"))!["aliases"]!.AsArray());

        var (_, webhook) = await h.SimulateAsync(userId, new { type = "postback", data = "switch", newRichMenuAliasId = "page-a" });

        var parameters = webhook.Event["postback"]!["params"]!;
        Assert.Equal("page-a", parameters["newRichMenuAliasId"]!.GetValue<string>());
        Assert.Equal("SUCCESS", parameters["status"]!.GetValue<string>());
        Assert.Equal(second, (await h.Bot.GetFromJsonAsync<JsonObject>($"/v2/bot/user/{userId}/richmenu"))!["richMenuId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await h.Bot.DeleteAsync("/v2/bot/richmenu/alias/page-a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Bot.GetAsync("/v2/bot/richmenu/alias/page-a")).StatusCode);
    }

    [Fact]
    public async Task Rich_menu_creation_is_limited_to_100_per_hour()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        await using var h = await EmulatorHarness.StartAsync(time);

        for (var i = 0; i < 100; i++)
        {
            await CreateAsync(h);
        }

        await LineAssert.ErrorAsync(await h.Bot.PostAsJsonAsync("/v2/bot/richmenu", Menu()), HttpStatusCode.TooManyRequests, "The API rate limit has been exceeded. Try again later.");
        time.Advance(TimeSpan.FromHours(1));
        await CreateAsync(h);
    }
}
