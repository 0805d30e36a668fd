using System.Net;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Line.RichMenus;
using SmartBranch.Line.Tests.Client;

namespace SmartBranch.Line.Tests.RichMenus;

public sealed class LineRichMenuClientTests : IDisposable
{
    private static readonly LineRichMenu Menu = new(
        new LineRichMenuSize(2500, 843),
        Selected: true,
        "平川市 標準",
        "メニュー",
        [
            new LineRichMenuArea(new LineRichMenuBounds(0, 0, 1250, 843), new UriAction("https://www.city.hirakawa.lg.jp/")),
            new LineRichMenuArea(new LineRichMenuBounds(1250, 0, 1250, 843), new RichMenuSwitchAction("hirakawa-tab-2", "tab=2")),
        ]);

    private readonly LineClientHarness _harness = new();
    private readonly ILineRichMenuClient _client;

    public LineRichMenuClientTests() => _client = _harness.RichMenuClient();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Create_posts_LINEs_rich_menu_object_and_returns_the_new_id()
    {
        _harness.Api.Then(HttpStatusCode.OK, """{"richMenuId":"richmenu-88c05ef6921ae53f8b58a25f3a65faf7"}""");

        var id = await _harness.Complete(_client.CreateRichMenuAsync(Menu));

        Assert.Equal("richmenu-88c05ef6921ae53f8b58a25f3a65faf7", id);
        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal((HttpMethod.Post, new Uri("https://api.line.me/v2/bot/richmenu")), (request.Method, request.Uri));
        Assert.Equal("Bearer channel-access-token", request.Authorization);
        JsonAssert.Equivalent(
            """
            {
              "size": { "width": 2500, "height": 843 },
              "selected": true,
              "name": "平川市 標準",
              "chatBarText": "メニュー",
              "areas": [
                { "bounds": { "x": 0, "y": 0, "width": 1250, "height": 843 }, "action": { "type": "uri", "uri": "https://www.city.hirakawa.lg.jp/" } },
                { "bounds": { "x": 1250, "y": 0, "width": 1250, "height": 843 }, "action": { "type": "richmenuswitch", "richMenuAliasId": "hirakawa-tab-2", "data": "tab=2" } }
              ]
            }
            """,
            request.Body!);
    }

    [Fact]
    public async Task A_create_that_fails_is_not_repeated_so_no_second_menu_appears()
    {
        _harness.Api.Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.OK, """{"richMenuId":"richmenu-2"}""");

        var error = await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.CreateRichMenuAsync(Menu)));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(_harness.Api.Requests);
    }

    [Fact]
    public async Task Validate_reports_what_LINE_refuses_property_by_property()
    {
        _harness.Api.Then(
            HttpStatusCode.BadRequest,
            """{"message":"The request body has 1 error(s)","details":[{"message":"Length must be between 1 and 14","property":"chatBarText"}]}""");

        var error = await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.ValidateRichMenuAsync(Menu)));

        Assert.Equal(new Uri("https://api.line.me/v2/bot/richmenu/validate"), Assert.Single(_harness.Api.Requests).Uri);
        Assert.Equal(new LineApiErrorDetail("Length must be between 1 and 14", "chatBarText"), Assert.Single(error.Details));
    }

    [Fact]
    public async Task The_image_goes_to_the_data_host_once_with_its_content_type()
    {
        string? contentType = null;
        _harness.Api.Then(request =>
        {
            contentType = request.Content!.Headers.ContentType!.MediaType;
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        });

        await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.UploadRichMenuImageAsync("richmenu-1", new byte[] { 0x89, 0x50 }, "image/png")));

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal(new Uri("https://api-data.line.me/v2/bot/richmenu/richmenu-1/content"), request.Uri);
        Assert.Equal("image/png", contentType);
    }

    [Fact]
    public async Task An_image_that_is_neither_PNG_nor_JPEG_never_leaves()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UploadRichMenuImageAsync("richmenu-1", new byte[] { 1 }, "image/gif"));

        Assert.Empty(_harness.Api.Requests);
    }

    [Fact]
    public async Task List_reads_the_channels_menus()
    {
        _harness.Api.Then(
            HttpStatusCode.OK,
            """{"richmenus":[{"richMenuId":"richmenu-1","size":{"width":2500,"height":1686},"selected":false,"name":"防災","chatBarText":"防災メニュー","areas":[{"bounds":{"x":0,"y":0,"width":1,"height":1},"action":{"type":"clipboard","clipboardText":"x"}}]}]}""");

        var menus = await _harness.Complete(_client.ListRichMenusAsync());

        Assert.Equal(new LineRichMenuSummary("richmenu-1", "防災", "防災メニュー", new LineRichMenuSize(2500, 1686)), Assert.Single(menus));
    }

    [Fact]
    public async Task Deleting_a_menu_LINE_no_longer_has_is_not_an_error()
    {
        _harness.Api.Then(HttpStatusCode.NotFound, """{"message":"Not found"}""");

        var deleted = await _harness.Complete(_client.DeleteRichMenuAsync("richmenu-1"));

        Assert.False(deleted);
        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal((HttpMethod.Delete, new Uri("https://api.line.me/v2/bot/richmenu/richmenu-1")), (request.Method, request.Uri));
    }

    [Fact]
    public async Task Default_menu_is_set_read_and_cancelled_on_LINEs_paths()
    {
        _harness.Api.Then(HttpStatusCode.OK).Then(HttpStatusCode.OK, """{"richMenuId":"richmenu-1"}""").Then(HttpStatusCode.OK)
            .Then(HttpStatusCode.NotFound, """{"message":"no default richmenu"}""");

        await _harness.Complete(_client.SetDefaultRichMenuAsync("richmenu-1"));
        var current = await _harness.Complete(_client.GetDefaultRichMenuIdAsync());
        await _harness.Complete(_client.CancelDefaultRichMenuAsync());
        var none = await _harness.Complete(_client.GetDefaultRichMenuIdAsync());

        Assert.Equal(("richmenu-1", null), (current, none));
        Assert.Equal(
            [
                (HttpMethod.Post, "/v2/bot/user/all/richmenu/richmenu-1"),
                (HttpMethod.Get, "/v2/bot/user/all/richmenu"),
                (HttpMethod.Delete, "/v2/bot/user/all/richmenu"),
                (HttpMethod.Get, "/v2/bot/user/all/richmenu"),
            ],
            _harness.Api.Requests.Select(r => (r.Method, r.Uri.AbsolutePath)));
    }

    [Fact]
    public async Task One_user_is_linked_and_unlinked_on_LINEs_paths()
    {
        await _harness.Complete(_client.LinkRichMenuToUserAsync("U4af4980629", "richmenu-1"));
        await _harness.Complete(_client.UnlinkRichMenuFromUserAsync("U4af4980629"));

        Assert.Equal(
            [(HttpMethod.Post, "/v2/bot/user/U4af4980629/richmenu/richmenu-1"), (HttpMethod.Delete, "/v2/bot/user/U4af4980629/richmenu")],
            _harness.Api.Requests.Select(r => (r.Method, r.Uri.AbsolutePath)));
    }

    [Fact]
    public async Task Bulk_link_and_unlink_post_LINEs_bodies()
    {
        _harness.Api.Then(HttpStatusCode.Accepted).Then(HttpStatusCode.Accepted);

        await _harness.Complete(_client.LinkRichMenuToUsersAsync("richmenu-1", ["U4af4980629", "U0c229f96c4"]));
        await _harness.Complete(_client.UnlinkRichMenuFromUsersAsync(["U4af4980629"]));

        var requests = _harness.Api.Requests;
        Assert.Equal(new Uri("https://api.line.me/v2/bot/richmenu/bulk/link"), requests[0].Uri);
        JsonAssert.Equivalent("""{"richMenuId":"richmenu-1","userIds":["U4af4980629","U0c229f96c4"]}""", requests[0].Body!);
        Assert.Equal(new Uri("https://api.line.me/v2/bot/richmenu/bulk/unlink"), requests[1].Uri);
        JsonAssert.Equivalent("""{"userIds":["U4af4980629"]}""", requests[1].Body!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task Bulk_calls_refuse_a_group_LINE_would_refuse(int users)
    {
        var userIds = Enumerable.Range(0, users).Select(i => $"U{i:x32}").ToList();

        var link = await Assert.ThrowsAsync<ArgumentException>(() => _client.LinkRichMenuToUsersAsync("richmenu-1", userIds));
        var unlink = await Assert.ThrowsAsync<ArgumentException>(() => _client.UnlinkRichMenuFromUsersAsync(userIds));

        Assert.Equal(("userIds", "userIds"), (link.ParamName, unlink.ParamName));
        Assert.Empty(_harness.Api.Requests);
    }

    [Fact]
    public async Task Aliases_are_created_updated_listed_and_deleted_on_LINEs_paths()
    {
        _harness.Api.Then(HttpStatusCode.OK).Then(HttpStatusCode.OK)
            .Then(HttpStatusCode.OK, """{"aliases":[{"richMenuAliasId":"tab-life","richMenuId":"richmenu-2"}]}""");

        await _harness.Complete(_client.CreateRichMenuAliasAsync("tab-life", "richmenu-1"));
        await _harness.Complete(_client.UpdateRichMenuAliasAsync("tab-life", "richmenu-2"));
        var aliases = await _harness.Complete(_client.ListRichMenuAliasesAsync());
        await _harness.Complete(_client.DeleteRichMenuAliasAsync("tab-life"));

        Assert.Equal(new LineRichMenuAlias("tab-life", "richmenu-2"), Assert.Single(aliases));
        var requests = _harness.Api.Requests;
        Assert.Equal(
            [
                (HttpMethod.Post, "/v2/bot/richmenu/alias"),
                (HttpMethod.Post, "/v2/bot/richmenu/alias/tab-life"),
                (HttpMethod.Get, "/v2/bot/richmenu/alias/list"),
                (HttpMethod.Delete, "/v2/bot/richmenu/alias/tab-life"),
            ],
            requests.Select(r => (r.Method, r.Uri.AbsolutePath)));
        JsonAssert.Equivalent("""{"richMenuAliasId":"tab-life","richMenuId":"richmenu-1"}""", requests[0].Body!);
        JsonAssert.Equivalent("""{"richMenuId":"richmenu-2"}""", requests[1].Body!);
    }

    [Theory]
    [InlineData("Tab")]
    [InlineData("tab life")]
    [InlineData("")]
    [InlineData("a-very-long-alias-id-of-33-chars-")]
    public async Task An_alias_id_LINE_would_refuse_never_leaves(string aliasId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateRichMenuAliasAsync(aliasId, "richmenu-1"));

        Assert.Empty(_harness.Api.Requests);
    }
}
