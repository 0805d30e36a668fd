using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Simulator;

/// <summary>A resident uses Hirakawa's staging account in the simulator, against the real server and its emulator.</summary>
public sealed class ResidentSimulatorTests(SimulatorTestBed bed) : IClassFixture<SimulatorTestBed>
{
    static ResidentSimulatorTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task A_resident_follows_is_welcomed_uses_the_rich_menu_tabs_and_sends_a_location_and_a_photo()
    {
        await bed.StartAsync();
        var page = await bed.OpenSimulatorAsync();
        await SetUpMenuTabsAsync(page);
        var phone = page.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });

        await SimulatedPhone.CreateResidentAsync(phone, "平川 花子");
        await SimulatedPhone.FollowAsync(phone);
        await Expect(talk).ToContainTextAsync("平川市LINE公式アカウントを友だち追加していただき");
        var userId = ResidentOf(page);

        await phone.GetByRole(AriaRole.Button, new() { Name = "申請・届出", Exact = true }).ClickAsync();
        await Expect(talk.Locator(".item.me .bubble").Last).ToHaveTextAsync("申請・届出を開く");
        await phone.GetByRole(AriaRole.Button, new() { Name = "お知らせタブ" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "最新のお知らせ" }).ClickAsync();
        await Expect(talk.Locator(".item.me .bubble").Last).ToHaveTextAsync("お知らせ");
        await phone.GetByRole(AriaRole.Button, new() { Name = "メニュー ▾" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "最新のお知らせ" })).ToBeHiddenAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "メニュー ▴" }).ClickAsync();

        await phone.GetByRole(AriaRole.Button, new() { Name = "位置情報", Exact = true }).ClickAsync();
        await phone.GetByLabel("名称").FillAsync("道路の穴（柏木町）");
        await phone.GetByRole(AriaRole.Button, new() { Name = "送信", Exact = true }).First.ClickAsync();
        await Expect(talk.Locator(".item.me").Last).ToContainTextAsync("道路の穴（柏木町）");
        var photo = await MenuImageAsync(page, "道路", "写真");
        await phone.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "road.png", MimeType = "image/png", Buffer = photo });
        await Expect(talk.Locator(".item.me img[alt='送った写真']")).ToBeVisibleAsync();
        await Expect(talk.Locator(".delivery.failed")).ToHaveCountAsync(0);
        await SaveScreenshotAsync(page, "resident-simulator.png");
        Assert.Empty(bed.ScriptErrors);

        var events = (await bed.SentEventsAsync(userId)).Select(e => e["event"]!.AsObject()).ToList();
        Assert.Equal(["follow", "postback", "postback", "message", "message", "message"], events.Select(e => e["type"]!.GetValue<string>()));
        Assert.All(await bed.SentEventsAsync(userId), e => Assert.Equal(200, e["webhookStatus"]!.GetValue<int>()));
        Assert.Equal("menu=applications", events[1]["postback"]!["data"]!.GetValue<string>());
        Assert.Equal(("news-tab", "SUCCESS"), (events[2]["postback"]!["params"]!["newRichMenuAliasId"]!.GetValue<string>(), events[2]["postback"]!["params"]!["status"]!.GetValue<string>()));
        Assert.Equal("お知らせ", events[3]["message"]!["text"]!.GetValue<string>());
        Assert.Equal("道路の穴（柏木町）", events[4]["message"]!["title"]!.GetValue<string>());
        var content = await bed.Bot.GetByteArrayAsync($"/v2/bot/message/{events[5]["message"]!["id"]}/content");
        Assert.Equal(photo, content);
    }

    [Fact]
    public async Task Flex_messages_and_quick_replies_render_and_their_actions_reach_the_server()
    {
        await bed.StartAsync();
        var page = await bed.OpenSimulatorAsync();
        var phone = page.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        await SimulatedPhone.CreateResidentAsync(phone, "弘前 三郎");
        await SimulatedPhone.FollowAsync(phone);
        await Expect(talk).ToContainTextAsync("受信設定");
        var userId = ResidentOf(page);
        await PushAsync(userId, PickupNotice());

        await Expect(talk.Locator(".flex-bubble")).ToContainTextAsync("ごみ収集日のお知らせ");
        await Expect(phone.GetByRole(AriaRole.Group, new() { Name = "クイックリプライ" })).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "flex-and-quick-replies.png");
        await phone.GetByRole(AriaRole.Button, new() { Name = "はい" }).ClickAsync();
        await Expect(talk.Locator(".item.me .bubble").Last).ToHaveTextAsync("はい");
        await Expect(phone.GetByRole(AriaRole.Group, new() { Name = "クイックリプライ" })).ToBeHiddenAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "収集日を選ぶ" }).ClickAsync();
        await phone.GetByLabel("日付").FillAsync("2026-12-03");
        await phone.GetByRole(AriaRole.Button, new() { Name = "決定" }).ClickAsync();
        await Expect(talk.Locator(".item.system").Last).ToContainTextAsync("pickup=date");

        var events = await bed.SentEventsAsync(userId);
        Assert.Equal("はい", events[^2]["event"]!["message"]!["text"]!.GetValue<string>());
        Assert.Equal("2026-12-03", events[^1]["event"]!["postback"]!["params"]!["date"]!.GetValue<string>());
        Assert.All(events, e => Assert.Equal(200, e["webhookStatus"]!.GetValue<int>()));
        Assert.Empty(bed.ScriptErrors);
    }

    [Fact]
    public async Task A_LIFF_page_gets_the_residents_ID_token_and_sends_a_message_as_the_resident()
    {
        await bed.StartAsync();
        var page = await bed.OpenSimulatorAsync();
        var phone = page.Locator(".phone").First;
        await SimulatedPhone.CreateResidentAsync(phone, "津軽 次郎");
        await SimulatedPhone.FollowAsync(phone);
        var userId = ResidentOf(page);
        await using var pages = await ResidentPageHost.StartAsync();
        var liffId = await AddLiffAppAsync(pages);
        await PushAsync(userId, new JsonObject
        {
            ["type"] = "template",
            ["altText"] = "申請フォーム",
            ["template"] = new JsonObject
            {
                ["type"] = "buttons",
                ["title"] = "粗大ごみの収集",
                ["text"] = "申し込みはこちらから",
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "uri", ["label"] = "申し込む", ["uri"] = $"https://liff.line.me/{liffId}/forms/1" }),
            },
        });

        await phone.GetByRole(AriaRole.Button, new() { Name = "申し込む" }).ClickAsync();
        var liffPage = phone.FrameLocator("iframe");
        await Expect(liffPage.Locator("#name")).ToHaveTextAsync("津軽 次郎");
        await Expect(liffPage.Locator("#path")).ToHaveTextAsync("/liff/forms/1");
        await SaveScreenshotAsync(page, "liff-in-simulator.png");
        var idToken = await liffPage.Locator("body").GetAttributeAsync("data-id-token");
        var verified = await bed.Bot.PostAsync("/oauth2/v2.1/verify", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["id_token"] = idToken!, ["client_id"] = bed.Server.StagingChannelId }));
        await liffPage.GetByRole(AriaRole.Button, new() { Name = "送信して閉じる" }).ClickAsync();

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(userId, (await verified.Content.ReadFromJsonAsync<JsonObject>())!["sub"]!.GetValue<string>());
        await Expect(liffPage.Locator("#path")).ToHaveCountAsync(0);
        await Expect(phone.Locator(".item.me .bubble").Last).ToHaveTextAsync("粗大ごみを申し込みました");
        Assert.Empty(bed.ScriptErrors);
    }

    [Fact]
    public async Task A_resident_opens_the_preferences_link_of_the_welcome_message_is_signed_in_by_LIFF_and_saves_topic_and_district()
    {
        await bed.StartAsync();
        var page = await bed.OpenSimulatorAsync();
        var phone = page.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        await SimulatedPhone.CreateResidentAsync(phone, "平賀 四郎");
        await SimulatedPhone.FollowAsync(phone);
        var preferencesLink = talk.GetByRole(AriaRole.Link, new() { Name = $"https://liff.line.me/{bed.Server.StagingLiffId}/preferences" });

        await preferencesLink.ClickAsync();
        var liffPage = phone.FrameLocator("iframe");
        await Expect(liffPage.GetByRole(AriaRole.Heading, new() { Name = "受信設定" })).ToBeVisibleAsync();
        await liffPage.GetByLabel("防災・災害").CheckAsync();
        await liffPage.GetByLabel("お住まいの地区").SelectOptionAsync(new SelectOptionValue { Label = "平賀地区" });
        await liffPage.GetByLabel("上の内容に同意して、選んだ内容を登録します").CheckAsync();
        await liffPage.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(liffPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("受信設定を保存しました。これからのお知らせは、この設定にしたがってお届けします。");
        await SaveScreenshotAsync(page, "preferences-in-simulator.png");

        await phone.GetByRole(AriaRole.Button, new() { Name = "閉じる" }).ClickAsync();
        await preferencesLink.ClickAsync();
        await Expect(liffPage.GetByLabel("防災・災害")).ToBeCheckedAsync();
        await Expect(liffPage.GetByLabel("子育て・教育")).Not.ToBeCheckedAsync();
        await Expect(liffPage.GetByLabel("お住まいの地区")).ToHaveValueAsync("hiraka");
        Assert.Empty(bed.ScriptErrors);
    }

    [Fact]
    public async Task Residents_named_in_the_address_get_a_phone_each_and_more_phones_can_be_added()
    {
        await bed.StartAsync();
        var first = await bed.CreateResidentAsync("研修 一号");
        var second = await bed.CreateResidentAsync("研修 二号");

        var page = await bed.OpenSimulatorAsync($"?users={first},{second}");
        var phones = page.Locator(".phone");
        await Expect(phones).ToHaveCountAsync(2);
        await Expect(phones.Nth(0).GetByLabel("住民")).ToHaveValueAsync(first);
        await Expect(phones.Nth(1).GetByLabel("住民")).ToHaveValueAsync(second);
        await page.GetByRole(AriaRole.Button, new() { Name = "＋ スマホを追加" }).ClickAsync();
        await Expect(phones).ToHaveCountAsync(3);
        await Expect(phones.Nth(2).GetByLabel("表示名")).ToBeVisibleAsync();
        await phones.Nth(0).GetByRole(AriaRole.Button, new() { Name = "このスマホを閉じる" }).ClickAsync();

        await Expect(phones).ToHaveCountAsync(2);
        Assert.Equal(second, ResidentOf(page));
        Assert.Empty(bed.ScriptErrors);
    }

    /// <summary>The resident the page shows: the simulator keeps it in its address (<c>?users=</c>).</summary>
    private static string ResidentOf(IPage page) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["users"]!;

    /// <summary>A 2500×843 PNG with two labelled halves, drawn by the browser.</summary>
    private static async Task<byte[]> MenuImageAsync(IPage page, string left, string right) => Convert.FromBase64String(await page.EvaluateAsync<string>("""
        ([left, right]) => {
          const canvas = document.createElement('canvas');
          canvas.width = 2500;
          canvas.height = 843;
          const g = canvas.getContext('2d');
          g.fillStyle = '#0b6e4f';
          g.fillRect(0, 0, 1250, 843);
          g.fillStyle = '#1d4e89';
          g.fillRect(1250, 0, 1250, 843);
          g.fillStyle = '#ffffff';
          g.font = 'bold 150px sans-serif';
          g.textAlign = 'center';
          g.textBaseline = 'middle';
          g.fillText(left, 625, 421);
          g.fillText(right, 1875, 421);
          return canvas.toDataURL('image/png').split(',')[1];
        }
        """, new[] { left, right }));

    /// <summary>Two rich menus that switch to each other as tabs (aliases apply-tab and news-tab); the first is the default.</summary>
    private async Task SetUpMenuTabsAsync(IPage page)
    {
        var apply = await CreateMenuAsync(await MenuImageAsync(page, "申請・届出", "お知らせ ▶"),
            new { type = "postback", label = "申請・届出", data = "menu=applications", displayText = "申請・届出を開く" },
            new { type = "richmenuswitch", label = "お知らせタブ", richMenuAliasId = "news-tab", data = "tab=news" });
        var news = await CreateMenuAsync(await MenuImageAsync(page, "◀ 申請・届出", "最新のお知らせ"),
            new { type = "richmenuswitch", label = "申請・届出タブ", richMenuAliasId = "apply-tab", data = "tab=apply" },
            new { type = "message", label = "最新のお知らせ", text = "お知らせ" });
        (await bed.Bot.PostAsJsonAsync("/v2/bot/richmenu/alias", new { richMenuAliasId = "apply-tab", richMenuId = apply })).EnsureSuccessStatusCode();
        (await bed.Bot.PostAsJsonAsync("/v2/bot/richmenu/alias", new { richMenuAliasId = "news-tab", richMenuId = news })).EnsureSuccessStatusCode();
        (await bed.Bot.PostAsync($"/v2/bot/user/all/richmenu/{apply}", null)).EnsureSuccessStatusCode();
    }

    private async Task<string> CreateMenuAsync(byte[] image, object leftAction, object rightAction)
    {
        var created = await bed.Bot.PostAsJsonAsync("/v2/bot/richmenu", new
        {
            size = new { width = 2500, height = 843 },
            selected = true,
            name = "平川市メニュー",
            chatBarText = "メニュー",
            areas = new[]
            {
                new { bounds = new { x = 0, y = 0, width = 1250, height = 843 }, action = leftAction },
                new { bounds = new { x = 1250, y = 0, width = 1250, height = 843 }, action = rightAction },
            },
        });
        created.EnsureSuccessStatusCode();
        var richMenuId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["richMenuId"]!.GetValue<string>();
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new("image/png");
        (await bed.Bot.PostAsync($"/v2/bot/richmenu/{richMenuId}/content", content)).EnsureSuccessStatusCode();
        return richMenuId;
    }

    /// <summary>Adds a LIFF app whose endpoint is a page that uses the emulator's LIFF SDK stand-in.</summary>
    private async Task<string> AddLiffAppAsync(ResidentPageHost pages)
    {
        var endpoint = new Uri(pages.Url, "/liff/");
        var added = await bed.Bot.PostAsJsonAsync("/liff/v1/apps", new { view = new { type = "tall", url = endpoint }, description = "粗大ごみ申込" });
        added.EnsureSuccessStatusCode();
        var liffId = (await added.Content.ReadFromJsonAsync<JsonObject>())!["liffId"]!.GetValue<string>();
        pages.Html = $$"""
            <!doctype html>
            <html lang="ja"><meta charset="utf-8"><script src="{{new Uri(bed.Server.EmulatorUrl, "/_sim/liff/sdk.js")}}"></script>
            <p id="path"></p><p id="name"></p>
            <button type="button" id="send">送信して閉じる</button>
            <script>
              document.getElementById('path').textContent = location.pathname;
              liff.init({ liffId: '{{liffId}}' }).then(async () => {
                document.body.dataset.idToken = liff.getIDToken();
                document.getElementById('name').textContent = (await liff.getProfile()).displayName;
              });
              document.getElementById('send').onclick = async () => {
                await liff.sendMessages([{ type: 'text', text: '粗大ごみを申し込みました' }]);
                liff.closeWindow();
              };
            </script>
            </html>
            """;
        return liffId;
    }

    private static JsonObject PickupNotice() => JsonNode.Parse("""
        {
          "type": "flex",
          "altText": "ごみ収集日のお知らせ",
          "contents": {
            "type": "bubble",
            "body": {
              "type": "box", "layout": "vertical", "spacing": "md",
              "contents": [
                { "type": "text", "text": "ごみ収集日のお知らせ", "weight": "bold", "size": "lg" },
                { "type": "box", "layout": "baseline", "spacing": "sm", "contents": [
                  { "type": "text", "text": "地区", "color": "#555555", "size": "sm", "flex": 1 },
                  { "type": "text", "text": "柏木町", "size": "sm", "flex": 4, "wrap": true } ] },
                { "type": "separator" },
                { "type": "text", "text": "粗大ごみの収集日を選んでください。", "wrap": true, "size": "sm" }
              ]
            },
            "footer": {
              "type": "box", "layout": "vertical", "spacing": "sm",
              "contents": [
                { "type": "button", "style": "primary", "action": { "type": "datetimepicker", "label": "収集日を選ぶ", "data": "pickup=date", "mode": "date", "initial": "2026-12-01" } },
                { "type": "button", "style": "link", "height": "sm", "action": { "type": "uri", "label": "収集カレンダー", "uri": "https://www.city.hirakawa.lg.jp/" } }
              ]
            }
          },
          "quickReply": { "items": [
            { "type": "action", "action": { "type": "message", "label": "はい", "text": "はい" } },
            { "type": "action", "action": { "type": "location", "label": "場所を送る" } }
          ] }
        }
        """)!.AsObject();

    private async Task PushAsync(string userId, JsonObject message)
    {
        var response = await bed.Bot.PostAsJsonAsync("/v2/bot/message/push", new JsonObject { ["to"] = userId, ["messages"] = new JsonArray(message) });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Saves a screenshot beside the test assembly and attaches it to the test's results.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var image = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
        TestContext.Current.AddAttachment(name, image, "image/png");
    }
}
