using System.Text.Json;
using System.Text.Json.Nodes;
using SmartBranch.Line.Messages;

namespace SmartBranch.Line.Tests.Messages;

/// <summary>
/// Messages serialize to the JSON of LINE's reference examples with plain serializer options, so the
/// shape does not depend on how a caller (the outbox, say) configures System.Text.Json.
/// </summary>
public sealed class LineMessageJsonTests
{
    private static string Serialize(LineMessage message) => JsonSerializer.Serialize(message);

    [Fact]
    public void Text_message()
    {
        JsonAssert.Equivalent("""{"type":"text","text":"Hello, world"}""", Serialize(new TextMessage("Hello, world")));
    }

    [Fact]
    public void Text_message_with_LINE_emoji()
    {
        var message = new TextMessage("$ LINE emoji $")
        {
            Emojis = [new LineEmoji(0, "5ac1bfd5040ab15980c9b435", "001"), new LineEmoji(13, "5ac1bfd5040ab15980c9b435", "002")],
        };

        JsonAssert.Equivalent(
            """
            {
              "type": "text",
              "text": "$ LINE emoji $",
              "emojis": [
                { "index": 0, "productId": "5ac1bfd5040ab15980c9b435", "emojiId": "001" },
                { "index": 13, "productId": "5ac1bfd5040ab15980c9b435", "emojiId": "002" }
              ]
            }
            """,
            Serialize(message));
    }

    [Fact]
    public void Sticker_message()
    {
        JsonAssert.Equivalent("""{"type":"sticker","packageId":"446","stickerId":"1988"}""", Serialize(new StickerMessage("446", "1988")));
    }

    [Fact]
    public void Image_message()
    {
        JsonAssert.Equivalent(
            """{"type":"image","originalContentUrl":"https://example.com/original.jpg","previewImageUrl":"https://example.com/preview.jpg"}""",
            Serialize(new ImageMessage("https://example.com/original.jpg", "https://example.com/preview.jpg")));
    }

    [Fact]
    public void Video_message_with_tracking_id()
    {
        var message = new VideoMessage("https://example.com/original.mp4", "https://example.com/preview.jpg") { TrackingId = "track-id" };

        JsonAssert.Equivalent(
            """
            {
              "type": "video",
              "originalContentUrl": "https://example.com/original.mp4",
              "previewImageUrl": "https://example.com/preview.jpg",
              "trackingId": "track-id"
            }
            """,
            Serialize(message));
    }

    [Fact]
    public void Audio_message()
    {
        JsonAssert.Equivalent(
            """{"type":"audio","originalContentUrl":"https://example.com/original.m4a","duration":60000}""",
            Serialize(new AudioMessage("https://example.com/original.m4a", 60000)));
    }

    [Fact]
    public void Location_message()
    {
        JsonAssert.Equivalent(
            """
            {
              "type": "location",
              "title": "my location",
              "address": "1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan",
              "latitude": 35.67966,
              "longitude": 139.73669
            }
            """,
            Serialize(new LocationMessage("my location", "1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan", 35.67966, 139.73669)));
    }

    [Fact]
    public void Flex_message_carries_its_contents_verbatim()
    {
        const string Bubble = """
            {
              "type": "bubble",
              "body": {
                "type": "box",
                "layout": "vertical",
                "contents": [ { "type": "text", "text": "hello" }, { "type": "text", "text": "world" } ]
              }
            }
            """;

        var message = new FlexMessage("this is a flex message", JsonNode.Parse(Bubble)!.AsObject());

        JsonAssert.Equivalent($$"""{"type":"flex","altText":"this is a flex message","contents":{{Bubble}}}""", Serialize(message));
    }

    [Fact]
    public void Template_message_built_from_typed_actions()
    {
        var template = new JsonObject
        {
            ["type"] = "confirm",
            ["text"] = "Are you sure?",
            ["actions"] = new JsonArray(
                new MessageAction("yes") { Label = "Yes" }.ToJsonObject(),
                new MessageAction("no") { Label = "No" }.ToJsonObject()),
        };

        JsonAssert.Equivalent(
            """
            {
              "type": "template",
              "altText": "this is a confirm template",
              "template": {
                "type": "confirm",
                "text": "Are you sure?",
                "actions": [
                  { "type": "message", "label": "Yes", "text": "yes" },
                  { "type": "message", "label": "No", "text": "no" }
                ]
              }
            }
            """,
            Serialize(new TemplateMessage("this is a confirm template", template)));
    }

    [Fact]
    public void Sender_changes_name_and_icon()
    {
        var message = new TextMessage("Hello, I am Cony!!") { Sender = new LineSender { Name = "Cony", IconUrl = "https://line.me/conyprof" } };

        JsonAssert.Equivalent(
            """{"type":"text","text":"Hello, I am Cony!!","sender":{"name":"Cony","iconUrl":"https://line.me/conyprof"}}""",
            Serialize(message));
    }

    [Fact]
    public void Quick_reply_items_with_typed_actions()
    {
        var message = new TextMessage("Select your favorite food category or send me your location!")
        {
            QuickReply = new LineQuickReply(
            [
                new LineQuickReplyItem(new MessageAction("Sushi") { Label = "Sushi" }, "https://example.com/sushi.png"),
                new LineQuickReplyItem(new MessageAction("Tempura") { Label = "Tempura" }, "https://example.com/tempura.png"),
                new LineQuickReplyItem(new LocationAction { Label = "Send location" }),
            ]),
        };

        JsonAssert.Equivalent(
            """
            {
              "type": "text",
              "text": "Select your favorite food category or send me your location!",
              "quickReply": {
                "items": [
                  { "type": "action", "imageUrl": "https://example.com/sushi.png", "action": { "type": "message", "label": "Sushi", "text": "Sushi" } },
                  { "type": "action", "imageUrl": "https://example.com/tempura.png", "action": { "type": "message", "label": "Tempura", "text": "Tempura" } },
                  { "type": "action", "action": { "type": "location", "label": "Send location" } }
                ]
              }
            }
            """,
            Serialize(message));
    }

    public static TheoryData<LineAction, string> Actions => new()
    {
        {
            new PostbackAction("action=buy&itemid=111") { Label = "Buy", DisplayText = "Buy" },
            """{"type":"postback","label":"Buy","data":"action=buy&itemid=111","displayText":"Buy"}"""
        },
        {
            new MessageAction("Yes") { Label = "Yes" },
            """{"type":"message","label":"Yes","text":"Yes"}"""
        },
        {
            new UriAction("https://example.com/page/222") { Label = "View details" },
            """{"type":"uri","label":"View details","uri":"https://example.com/page/222"}"""
        },
        {
            new DatetimePickerAction("storeId=12345", DatetimePickerMode.Datetime)
            {
                Label = "Select date", Initial = "2017-12-25t00:00", Max = "2018-01-24t23:59", Min = "2017-12-25t00:00",
            },
            """{"type":"datetimepicker","label":"Select date","data":"storeId=12345","mode":"datetime","initial":"2017-12-25t00:00","max":"2018-01-24t23:59","min":"2017-12-25t00:00"}"""
        },
        {
            new DatetimePickerAction("slot", DatetimePickerMode.Date) { Label = "Day" },
            """{"type":"datetimepicker","label":"Day","data":"slot","mode":"date"}"""
        },
        { new CameraAction { Label = "Camera" }, """{"type":"camera","label":"Camera"}""" },
        { new CameraRollAction { Label = "Camera roll" }, """{"type":"cameraRoll","label":"Camera roll"}""" },
        { new LocationAction { Label = "Location" }, """{"type":"location","label":"Location"}""" },
        {
            new RichMenuSwitchAction("richmenu-alias-b", "richmenu-changed-to-b"),
            """{"type":"richmenuswitch","richMenuAliasId":"richmenu-alias-b","data":"richmenu-changed-to-b"}"""
        },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void Actions_serialize_as_LINE_documents_them(LineAction action, string expected)
    {
        JsonAssert.Equivalent(expected, JsonSerializer.Serialize(action));
        JsonAssert.Equivalent(expected, action.ToJsonObject().ToJsonString());
    }

    [Fact]
    public void Messages_read_back_from_their_JSON()
    {
        LineMessage original = new TextMessage("こんにちは")
        {
            QuickReply = new LineQuickReply([new LineQuickReplyItem(new PostbackAction("menu=1") { Label = "メニュー" })]),
        };

        var roundTripped = JsonSerializer.Deserialize<LineMessage>(JsonSerializer.Serialize(original));

        var text = Assert.IsType<TextMessage>(roundTripped);
        Assert.Equal("こんにちは", text.Text);
        var action = Assert.IsType<PostbackAction>(Assert.Single(text.QuickReply!.Items).Action);
        Assert.Equal(new PostbackAction("menu=1") { Label = "メニュー" }, action);
    }
}
