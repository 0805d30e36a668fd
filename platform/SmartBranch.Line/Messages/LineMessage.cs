using System.Text.Json.Serialization;

namespace SmartBranch.Line.Messages;

/// <summary>A message object of the Messaging API (https://developers.line.biz/en/reference/messaging-api/#message-objects).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessage), "text")]
public abstract record LineMessage
{
    [JsonPropertyName("quickReply")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LineQuickReply? QuickReply { get; init; }
}

/// <summary>A text message: at most 5,000 characters (UTF-16 code units).</summary>
public sealed record TextMessage([property: JsonPropertyName("text")] string Text) : LineMessage
{
    public const int MaxLength = 5000;
}

/// <summary>Quick reply buttons under a message: at most 13 items.</summary>
public sealed record LineQuickReply([property: JsonPropertyName("items")] IReadOnlyList<LineQuickReplyItem> Items)
{
    public const int MaxItems = 13;
}

public sealed record LineQuickReplyItem(
    [property: JsonPropertyName("action")] System.Text.Json.Nodes.JsonObject Action,
    [property: JsonPropertyName("imageUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl = null)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "action";
}
