using System.Text.Json;

namespace SmartBranch.Line.Webhooks;

/// <summary>
/// The message of a <see cref="MessageEvent"/> (https://developers.line.biz/en/reference/messaging-api/#message-event).
/// Types this client does not model parse as <see cref="UnknownEventMessage"/>.
/// </summary>
public abstract record LineEventMessage
{
    /// <summary>The message id; for images, videos, audio and files, the key to download the content.</summary>
    public required string Id { get; init; }

    internal static LineEventMessage FromJson(JsonElement m)
    {
        var id = m.GetRequiredString("id", "A message");
        var type = m.GetRequiredString("type", $"Message {id}");
        var where = $"The {type} message {id}";

        return type switch
        {
            "text" => new TextEventMessage
            {
                Id = id,
                Text = m.GetRequiredString("text", where),
                Emojis = m.EnumerateArrayOrEmpty("emojis").Select(emoji => new LineEventEmoji(
                    emoji.GetInt32OrNull("index") ?? 0,
                    emoji.GetInt32OrNull("length") ?? 0,
                    emoji.GetRequiredString("productId", where),
                    emoji.GetRequiredString("emojiId", where))).ToList(),
                Mention = m.GetObjectOrNull("mention") is { } mention ? LineMention.FromJson(mention) : null,
            },
            "image" => new ImageEventMessage
            {
                Id = id,
                ContentProvider = LineContentProvider.FromJson(m, where),
                ImageSet = m.GetObjectOrNull("imageSet") is { } set
                    ? new LineImageSet(set.GetRequiredString("id", where), set.GetInt32OrNull("index"), set.GetInt32OrNull("total"))
                    : null,
            },
            "video" => new VideoEventMessage
            {
                Id = id,
                ContentProvider = LineContentProvider.FromJson(m, where),
                DurationMilliseconds = m.GetInt64OrNull("duration"),
            },
            "audio" => new AudioEventMessage
            {
                Id = id,
                ContentProvider = LineContentProvider.FromJson(m, where),
                DurationMilliseconds = m.GetInt64OrNull("duration"),
            },
            "file" => new FileEventMessage
            {
                Id = id,
                FileName = m.GetRequiredString("fileName", where),
                FileSize = m.GetInt64OrNull("fileSize") ?? throw new LineWebhookFormatException($"{where} has no fileSize."),
            },
            "location" => new LocationEventMessage
            {
                Id = id,
                Title = m.GetStringOrNull("title"),
                Address = m.GetStringOrNull("address"),
                Latitude = m.GetRequiredDouble("latitude", where),
                Longitude = m.GetRequiredDouble("longitude", where),
            },
            "sticker" => new StickerEventMessage
            {
                Id = id,
                PackageId = m.GetRequiredString("packageId", where),
                StickerId = m.GetRequiredString("stickerId", where),
                StickerResourceType = m.GetStringOrNull("stickerResourceType"),
                Keywords = m.EnumerateArrayOrEmpty("keywords").Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).ToList(),
                Text = m.GetStringOrNull("text"),
            },
            _ => new UnknownEventMessage { Id = id, Type = type },
        };
    }
}

public sealed record TextEventMessage : LineEventMessage
{
    public required string Text { get; init; }

    /// <summary>The LINE emoji in <see cref="Text"/>; empty when there are none.</summary>
    public IReadOnlyList<LineEventEmoji> Emojis { get; init; } = [];

    /// <summary>The users mentioned in a group chat; null when nobody is.</summary>
    public LineMention? Mention { get; init; }
}

/// <param name="Index">Where the emoji's text starts in the message text, in UTF-16 code units from 0.</param>
/// <param name="Length">The length of the emoji's text, such as 7 for <c>(hello)</c>.</param>
public sealed record LineEventEmoji(int Index, int Length, string ProductId, string EmojiId);

public sealed record LineMention(IReadOnlyList<LineMentionee> Mentionees)
{
    internal static LineMention FromJson(JsonElement mention) =>
        new(mention.EnumerateArrayOrEmpty("mentionees").Select(m => new LineMentionee(
            m.GetStringOrNull("type") ?? "user",
            m.GetInt32OrNull("index") ?? 0,
            m.GetInt32OrNull("length") ?? 0,
            m.GetStringOrNull("userId"),
            m.IsTrue("isSelf"))).ToList());
}

/// <param name="Type"><c>user</c> for one user, <c>all</c> for @All.</param>
/// <param name="UserId">Only when the mentioned user consented to sharing their profile.</param>
/// <param name="IsSelf">True when the account itself is mentioned.</param>
public sealed record LineMentionee(string Type, int Index, int Length, string? UserId, bool IsSelf);

public sealed record ImageEventMessage : LineEventMessage
{
    public required LineContentProvider ContentProvider { get; init; }

    /// <summary>Set when the user sent several images at once.</summary>
    public LineImageSet? ImageSet { get; init; }
}

/// <param name="Index">The image's position in the set, from 1; missing from old Android clients.</param>
public sealed record LineImageSet(string Id, int? Index, int? Total);

public sealed record VideoEventMessage : LineEventMessage
{
    public required LineContentProvider ContentProvider { get; init; }
    public long? DurationMilliseconds { get; init; }
}

public sealed record AudioEventMessage : LineEventMessage
{
    public required LineContentProvider ContentProvider { get; init; }
    public long? DurationMilliseconds { get; init; }
}

public sealed record FileEventMessage : LineEventMessage
{
    public required string FileName { get; init; }
    public required long FileSize { get; init; }
}

public sealed record LocationEventMessage : LineEventMessage
{
    public string? Title { get; init; }
    public string? Address { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
}

public sealed record StickerEventMessage : LineEventMessage
{
    public required string PackageId { get; init; }
    public required string StickerId { get; init; }

    /// <summary>Such as <c>STATIC</c>, <c>ANIMATION</c> or <c>MESSAGE</c>.</summary>
    public string? StickerResourceType { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The text the user typed into a message sticker.</summary>
    public string? Text { get; init; }
}

public sealed record UnknownEventMessage : LineEventMessage
{
    public required string Type { get; init; }
}

/// <summary>
/// Where a media message's content is: on LINE (<see cref="IsLine"/>; download it with the message id) or at
/// external URLs.
/// </summary>
public sealed record LineContentProvider(string Type, string? OriginalContentUrl, string? PreviewImageUrl)
{
    public bool IsLine => Type == "line";

    internal static LineContentProvider FromJson(JsonElement message, string where)
    {
        var provider = message.GetObjectOrNull("contentProvider") ?? throw new LineWebhookFormatException($"{where} has no contentProvider.");
        return new LineContentProvider(
            provider.GetRequiredString("type", where),
            provider.GetStringOrNull("originalContentUrl"),
            provider.GetStringOrNull("previewImageUrl"));
    }
}
