using System.Text;
using SmartBranch.Line.Webhooks;

namespace SmartBranch.Line.Tests.Webhooks;

/// <summary>Events as LINE's reference shows them, parsed from their stored JSON.</summary>
public sealed class LineWebhookEventTests
{
    private static string Event(string type, string body, string source = """{"type":"user","userId":"U4af4980629"}""") =>
        $$"""
        {
          "type": "{{type}}",
          "mode": "active",
          "timestamp": 1462629479859,
          "source": {{source}},
          "webhookEventId": "01FZ74A0TDDPYRVKNK77XKC3ZR",
          "deliveryContext": { "isRedelivery": false },
          "replyToken": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",
          {{body}}
        }
        """;

    [Fact]
    public void Follow_after_unblocking()
    {
        var parsed = LineWebhookEvent.Parse(Event("follow", """ "follow": { "isUnblocked": true } """));

        var follow = Assert.IsType<FollowEvent>(parsed);
        Assert.True(follow.IsUnblocked);
        Assert.Equal("01FZ74A0TDDPYRVKNK77XKC3ZR", follow.WebhookEventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1462629479859), follow.Timestamp);
        Assert.Equal("U4af4980629", follow.Source.UserId);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", follow.ReplyToken);
        Assert.False(follow.IsRedelivery);
    }

    [Fact]
    public void First_follow()
    {
        var follow = Assert.IsType<FollowEvent>(LineWebhookEvent.Parse(Event("follow", """ "follow": { "isUnblocked": false } """)));

        Assert.False(follow.IsUnblocked);
    }

    [Fact]
    public void Text_message_with_emoji_and_mentions_in_a_group()
    {
        var json = Event("message", """
            "message": {
              "id": "444573844083572737",
              "type": "text",
              "quoteToken": "q3Plxr4AgKd",
              "text": "@All @example Good Morning!! (love)",
              "emojis": [ { "index": 29, "length": 6, "productId": "5ac1bfd5040ab15980c9b435", "emojiId": "001" } ],
              "mention": {
                "mentionees": [
                  { "index": 0, "length": 4, "type": "all" },
                  { "index": 5, "length": 8, "userId": "U49585cd0d5", "type": "user", "isSelf": false }
                ]
              }
            }
            """, source: """{"type":"group","groupId":"Ca56f94637c","userId":"U4af4980629"}""");

        var message = Assert.IsType<MessageEvent>(LineWebhookEvent.Parse(json));

        var text = Assert.IsType<TextEventMessage>(message.Message);
        Assert.Equal("444573844083572737", text.Id);
        Assert.Equal("@All @example Good Morning!! (love)", text.Text);
        Assert.Equal(new LineEventEmoji(29, 6, "5ac1bfd5040ab15980c9b435", "001"), Assert.Single(text.Emojis));
        Assert.Equal(
            [new LineMentionee("all", 0, 4, null, false), new LineMentionee("user", 5, 8, "U49585cd0d5", false)],
            text.Mention!.Mentionees);
        Assert.Equal("group:Ca56f94637c", message.Source.Key);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", message.ReplyToken);
    }

    [Fact]
    public void Plain_text_message_has_no_emoji_or_mention()
    {
        var json = Event("message", """ "message": { "id": "1", "type": "text", "text": "粗大ごみの出し方", "quoteToken": "q" } """);

        var text = Assert.IsType<TextEventMessage>(Assert.IsType<MessageEvent>(LineWebhookEvent.Parse(json)).Message);

        Assert.Equal("粗大ごみの出し方", text.Text);
        Assert.Empty(text.Emojis);
        Assert.Null(text.Mention);
    }

    [Fact]
    public void Image_message_from_a_set_stored_on_LINE()
    {
        var json = Event("message", """
            "message": {
              "type": "image",
              "id": "354718705033693859",
              "quoteToken": "q3Plxr4AgKd",
              "contentProvider": { "type": "line" },
              "imageSet": { "id": "E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855", "index": 1, "total": 2 }
            }
            """);

        var image = Assert.IsType<ImageEventMessage>(Assert.IsType<MessageEvent>(LineWebhookEvent.Parse(json)).Message);

        Assert.Equal("354718705033693859", image.Id);
        Assert.True(image.ContentProvider.IsLine);
        Assert.Equal(new LineImageSet("E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855", 1, 2), image.ImageSet);
    }

    [Fact]
    public void Image_message_hosted_elsewhere()
    {
        var json = Event("message", """
            "message": {
              "type": "image",
              "id": "354718705033693861",
              "contentProvider": { "type": "external", "originalContentUrl": "https://example.com/original.jpg", "previewImageUrl": "https://example.com/preview.jpg" }
            }
            """);

        var image = Assert.IsType<ImageEventMessage>(Assert.IsType<MessageEvent>(LineWebhookEvent.Parse(json)).Message);

        Assert.Equal(new LineContentProvider("external", "https://example.com/original.jpg", "https://example.com/preview.jpg"), image.ContentProvider);
        Assert.False(image.ContentProvider.IsLine);
        Assert.Null(image.ImageSet);
    }

    [Fact]
    public void Video_audio_and_file_messages()
    {
        var video = Parse<VideoEventMessage>("""{ "id": "325708", "type": "video", "duration": 60000, "contentProvider": { "type": "line" } }""");
        var audio = Parse<AudioEventMessage>("""{ "id": "325709", "type": "audio", "duration": 30000, "contentProvider": { "type": "line" } }""");
        var file = Parse<FileEventMessage>("""{ "id": "325710", "type": "file", "fileName": "申請書.pdf", "fileSize": 2138 }""");

        Assert.Equal(60000, video.DurationMilliseconds);
        Assert.True(video.ContentProvider.IsLine);
        Assert.Equal(30000, audio.DurationMilliseconds);
        Assert.Equal(("申請書.pdf", 2138L), (file.FileName, file.FileSize));
    }

    [Fact]
    public void Location_message()
    {
        var location = Parse<LocationEventMessage>("""
            {
              "id": "325708",
              "type": "location",
              "title": "my location",
              "address": "日本、〒102-8282 東京都千代田区紀尾井町1番3号",
              "latitude": 35.67966,
              "longitude": 139.73669
            }
            """);

        Assert.Equal("my location", location.Title);
        Assert.Equal("日本、〒102-8282 東京都千代田区紀尾井町1番3号", location.Address);
        Assert.Equal((35.67966, 139.73669), (location.Latitude, location.Longitude));
    }

    [Fact]
    public void Location_message_without_title_or_address()
    {
        var location = Parse<LocationEventMessage>("""{ "id": "1", "type": "location", "latitude": 40.5, "longitude": 140.6 }""");

        Assert.Null(location.Title);
        Assert.Null(location.Address);
        Assert.Equal((40.5, 140.6), (location.Latitude, location.Longitude));
    }

    [Fact]
    public void Sticker_message()
    {
        var sticker = Parse<StickerEventMessage>("""
            {
              "type": "sticker",
              "id": "1501597916",
              "quoteToken": "q3Plxr4AgKd",
              "stickerId": "52002738",
              "packageId": "11537",
              "stickerResourceType": "ANIMATION",
              "keywords": [ "cony", "sally", "Staring" ]
            }
            """);

        Assert.Equal(("11537", "52002738", "ANIMATION"), (sticker.PackageId, sticker.StickerId, sticker.StickerResourceType));
        Assert.Equal(["cony", "sally", "Staring"], sticker.Keywords);
    }

    [Fact]
    public void Message_of_a_type_this_client_does_not_model()
    {
        var unknown = Parse<UnknownEventMessage>("""{ "id": "1", "type": "hologram", "depth": 3 }""");

        Assert.Equal(("1", "hologram"), (unknown.Id, unknown.Type));
    }

    [Fact]
    public void Postback_from_a_datetime_picker()
    {
        var json = Event("postback", """ "postback": { "data": "storeId=12345", "params": { "datetime": "2017-12-25T01:00" } } """);

        var postback = Assert.IsType<PostbackEvent>(LineWebhookEvent.Parse(json));

        Assert.Equal("storeId=12345", postback.Data);
        Assert.Equal(new LinePostbackParams(null, null, "2017-12-25T01:00", null, null), postback.Params);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", postback.ReplyToken);
    }

    [Fact]
    public void Postback_from_date_and_time_pickers()
    {
        var date = Assert.IsType<PostbackEvent>(LineWebhookEvent.Parse(Event("postback", """ "postback": { "data": "d", "params": { "date": "2017-12-25" } } """)));
        var time = Assert.IsType<PostbackEvent>(LineWebhookEvent.Parse(Event("postback", """ "postback": { "data": "t", "params": { "time": "01:00" } } """)));

        Assert.Equal("2017-12-25", date.Params!.Date);
        Assert.Equal("01:00", time.Params!.Time);
    }

    [Fact]
    public void Postback_from_a_rich_menu_switch()
    {
        var json = Event("postback", """
            "postback": { "data": "richmenu-changed-to-b", "params": { "newRichMenuAliasId": "richmenu-alias-b", "status": "SUCCESS" } }
            """);

        var postback = Assert.IsType<PostbackEvent>(LineWebhookEvent.Parse(json));

        Assert.Equal(new LinePostbackParams(null, null, null, "richmenu-alias-b", "SUCCESS"), postback.Params);
    }

    [Fact]
    public void Plain_postback_has_no_params()
    {
        var postback = Assert.IsType<PostbackEvent>(LineWebhookEvent.Parse(Event("postback", """ "postback": { "data": "menu=garbage" } """)));

        Assert.Equal("menu=garbage", postback.Data);
        Assert.Null(postback.Params);
    }

    [Fact]
    public void Event_of_a_type_this_client_does_not_model()
    {
        var json = Event("beacon", """ "beacon": { "hwid": "d41d8cd98f", "type": "enter" } """);

        var unknown = Assert.IsType<UnknownEvent>(LineWebhookEvent.Parse(json));

        Assert.Equal("beacon", unknown.Type);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", unknown.ReplyToken);
    }

    [Fact]
    public void Fields_LINE_adds_later_are_ignored()
    {
        var json = Event("message", """
            "futureField": { "nested": [1, 2, 3] },
            "message": { "id": "1", "type": "text", "text": "hi", "markAsReadToken": "m", "futureFlag": true, "emojis": "not-an-array" }
            """);

        var text = Assert.IsType<TextEventMessage>(Assert.IsType<MessageEvent>(LineWebhookEvent.Parse(json)).Message);

        Assert.Equal("hi", text.Text);
        Assert.Empty(text.Emojis);
    }

    [Fact]
    public void Message_event_without_its_message_is_a_format_error()
    {
        Assert.Throws<LineWebhookFormatException>(() => LineWebhookEvent.Parse(Event("message", """ "other": 1 """)));
    }

    [Fact]
    public void Redelivered_events_are_marked()
    {
        var json = Event("unfollow", """ "other": 1 """).Replace("\"isRedelivery\": false", "\"isRedelivery\": true", StringComparison.Ordinal);

        var unfollow = Assert.IsType<UnfollowEvent>(LineWebhookEvent.Parse(json));

        Assert.True(unfollow.IsRedelivery);
    }

    [Fact]
    public void Callback_keeps_each_event_raw_for_later_parsing()
    {
        var body = $$"""
            {
              "destination": "U8e742f61d673b39c7fff3cecb7536ef0",
              "events": [ {{Event("postback", """ "postback": { "data": "a=1" } """)}}, {{Event("follow", """ "follow": { "isUnblocked": false } """)}} ]
            }
            """;

        var callback = LineWebhookCallback.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal("U8e742f61d673b39c7fff3cecb7536ef0", callback.Destination);
        Assert.Equal(["postback", "follow"], callback.Events.Select(e => e.Type));
        Assert.IsType<PostbackEvent>(LineWebhookEvent.Parse(callback.Events[0].RawJson));
        Assert.Equal("user:U4af4980629", callback.Events[1].SourceKey);
    }

    private static T Parse<T>(string message) where T : LineEventMessage =>
        Assert.IsType<T>(Assert.IsType<MessageEvent>(LineWebhookEvent.Parse(Event("message", $""" "message": {message} """))).Message);
}
