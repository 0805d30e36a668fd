using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SmartBranch.Line.Messages;

/// <summary>
/// What happens when a user taps a quick reply button, a template button or a rich menu area
/// (https://developers.line.biz/en/reference/messaging-api/#action-objects).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PostbackAction), "postback")]
[JsonDerivedType(typeof(MessageAction), "message")]
[JsonDerivedType(typeof(UriAction), "uri")]
[JsonDerivedType(typeof(DatetimePickerAction), "datetimepicker")]
[JsonDerivedType(typeof(CameraAction), "camera")]
[JsonDerivedType(typeof(CameraRollAction), "cameraRoll")]
[JsonDerivedType(typeof(LocationAction), "location")]
[JsonDerivedType(typeof(RichMenuSwitchAction), "richmenuswitch")]
public abstract record LineAction
{
    /// <summary>The button's text: required on quick replies and templates (at most 20 characters), optional in rich menus.</summary>
    [JsonPropertyName("label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    /// <summary>The action as LINE's JSON, for building template and Flex contents.</summary>
    public JsonObject ToJsonObject() => JsonSerializer.SerializeToNode<LineAction>(this)!.AsObject();
}

/// <summary>Sends <see cref="Data"/> (at most 300 characters) to the webhook as a postback event.</summary>
public sealed record PostbackAction([property: JsonPropertyName("data")] string Data) : LineAction
{
    /// <summary>Shown in the chat as the user's message when the action is tapped.</summary>
    [JsonPropertyName("displayText")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DisplayText { get; init; }
}

/// <summary>Sends <see cref="Text"/> as the user's message.</summary>
public sealed record MessageAction([property: JsonPropertyName("text")] string Text) : LineAction;

/// <summary>Opens <see cref="Uri"/> (http, https, line or tel).</summary>
public sealed record UriAction([property: JsonPropertyName("uri")] string Uri) : LineAction;

/// <summary>
/// Lets the user pick a date, time or both; the choice arrives in a postback event's params.
/// <see cref="Initial"/>, <see cref="Max"/> and <see cref="Min"/> use the mode's format:
/// <c>2017-12-25</c>, <c>12:00</c> or <c>2017-12-25T12:00</c>.
/// </summary>
public sealed record DatetimePickerAction(
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("mode")] DatetimePickerMode Mode) : LineAction
{
    [JsonPropertyName("initial")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Initial { get; init; }

    [JsonPropertyName("max")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Max { get; init; }

    [JsonPropertyName("min")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Min { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DatetimePickerMode>))]
public enum DatetimePickerMode
{
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("time")] Time,
    [JsonStringEnumMemberName("datetime")] Datetime,
}

/// <summary>Opens the camera; quick replies only.</summary>
public sealed record CameraAction : LineAction;

/// <summary>Opens the camera roll; quick replies only.</summary>
public sealed record CameraRollAction : LineAction;

/// <summary>Opens the location picker; quick replies only.</summary>
public sealed record LocationAction : LineAction;

/// <summary>Switches the user's rich menu to the alias <see cref="RichMenuAliasId"/>; rich menus only.</summary>
public sealed record RichMenuSwitchAction(
    [property: JsonPropertyName("richMenuAliasId")] string RichMenuAliasId,
    [property: JsonPropertyName("data")] string Data) : LineAction;
