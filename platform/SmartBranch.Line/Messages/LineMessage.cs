using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SmartBranch.Line.Messages;

/// <summary>A message object of the Messaging API (https://developers.line.biz/en/reference/messaging-api/#message-objects).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(StickerMessage), "sticker")]
[JsonDerivedType(typeof(ImageMessage), "image")]
[JsonDerivedType(typeof(VideoMessage), "video")]
[JsonDerivedType(typeof(AudioMessage), "audio")]
[JsonDerivedType(typeof(LocationMessage), "location")]
[JsonDerivedType(typeof(FlexMessage), "flex")]
[JsonDerivedType(typeof(TemplateMessage), "template")]
public abstract record LineMessage
{
    [JsonPropertyName("quickReply")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LineQuickReply? QuickReply { get; init; }

    [JsonPropertyName("sender")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LineSender? Sender { get; init; }
}

/// <summary>A text message: at most 5,000 characters (UTF-16 code units).</summary>
public sealed record TextMessage([property: JsonPropertyName("text")] string Text) : LineMessage
{
    public const int MaxLength = 5000;

    /// <summary>LINE emoji replacing <c>$</c> placeholders in <see cref="Text"/>; at most 20.</summary>
    [JsonPropertyName("emojis")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LineEmoji>? Emojis { get; init; }
}

/// <param name="Index">Position of the <c>$</c> placeholder in the text, in UTF-16 code units from 0.</param>
public sealed record LineEmoji(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("productId")] string ProductId,
    [property: JsonPropertyName("emojiId")] string EmojiId)
{
    public const int MaxPerMessage = 20;
}

public sealed record StickerMessage(
    [property: JsonPropertyName("packageId")] string PackageId,
    [property: JsonPropertyName("stickerId")] string StickerId) : LineMessage;

/// <summary>An image: HTTPS URLs of a JPEG or PNG, the original at most 10 MB and the preview at most 1 MB.</summary>
public sealed record ImageMessage(
    [property: JsonPropertyName("originalContentUrl")] string OriginalContentUrl,
    [property: JsonPropertyName("previewImageUrl")] string PreviewImageUrl) : LineMessage;

/// <summary>An MP4 video (HTTPS, at most 200 MB) with a preview image.</summary>
public sealed record VideoMessage(
    [property: JsonPropertyName("originalContentUrl")] string OriginalContentUrl,
    [property: JsonPropertyName("previewImageUrl")] string PreviewImageUrl) : LineMessage
{
    /// <summary>Lets the video-viewing-complete event report which video was watched.</summary>
    [JsonPropertyName("trackingId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrackingId { get; init; }
}

/// <summary>An M4A or MP3 audio file (HTTPS, at most 200 MB).</summary>
public sealed record AudioMessage(
    [property: JsonPropertyName("originalContentUrl")] string OriginalContentUrl,
    [property: JsonPropertyName("duration")] long DurationMilliseconds) : LineMessage;

public sealed record LocationMessage(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("latitude")] double Latitude,
    [property: JsonPropertyName("longitude")] double Longitude) : LineMessage;

/// <summary>A Flex Message; <see cref="Contents"/> is a bubble or carousel container as LINE's JSON.</summary>
public sealed record FlexMessage(
    [property: JsonPropertyName("altText")] string AltText,
    [property: JsonPropertyName("contents")] JsonObject Contents) : LineMessage
{
    public const int MaxAltTextLength = 1500;
}

/// <summary>A template message; <see cref="Template"/> is a buttons, confirm, carousel or image carousel template as LINE's JSON.</summary>
public sealed record TemplateMessage(
    [property: JsonPropertyName("altText")] string AltText,
    [property: JsonPropertyName("template")] JsonObject Template) : LineMessage
{
    public const int MaxAltTextLength = 400;
}

/// <summary>Shows the message as sent by someone else than the account (a department, say).</summary>
public sealed record LineSender
{
    /// <summary>At most 20 characters; words such as "LINE" are refused by LINE.</summary>
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonPropertyName("iconUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IconUrl { get; init; }
}

/// <summary>Quick reply buttons under a message: at most 13 items.</summary>
public sealed record LineQuickReply([property: JsonPropertyName("items")] IReadOnlyList<LineQuickReplyItem> Items)
{
    public const int MaxItems = 13;
}

/// <summary>A quick reply button; its action needs a <see cref="LineAction.Label"/>.</summary>
public sealed record LineQuickReplyItem(
    [property: JsonPropertyName("action")] LineAction Action,
    [property: JsonPropertyName("imageUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl = null)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "action";
}
