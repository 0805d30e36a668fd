using System.Text;
using System.Text.Json.Nodes;
using SmartBranch.LineEmulator.Hosting;

namespace SmartBranch.LineEmulator.Messaging;

/// <summary>LINE's documented limits on message objects
/// (https://developers.line.biz/en/reference/messaging-api/#message-objects).</summary>
internal static class MessageValidator
{
    public const int MaxMessages = 5;
    public const int MaxTextLength = 5000;
    public const int MaxQuickReplyItems = 13;
    public const int MaxAltTextLength = 400;

    /// <summary>Flex: a bubble's JSON ≤ 30 KB; a carousel ≤ 12 bubbles and ≤ 50 KB
    /// (https://developers.line.biz/en/reference/messaging-api/#f-bubble, #f-carousel).</summary>
    public const int MaxBubbleBytes = 30 * 1024;
    public const int MaxCarouselBytes = 50 * 1024;
    public const int MaxCarouselBubbles = 12;

    private static readonly string[] s_types =
        ["text", "sticker", "image", "video", "audio", "location", "imagemap", "template", "flex"];

    /// <summary>Validates <c>messages</c> (1–5 message objects) and adds LINE-style details for each broken rule.</summary>
    public static void ValidateMessages(JsonNode? messages, List<ErrorDetail> errors)
    {
        if (messages is not JsonArray array)
        {
            errors.Add(new("May not be empty", "messages"));
            return;
        }

        if (array.Count is < 1 or > MaxMessages)
        {
            errors.Add(new($"Size must be between 1 and {MaxMessages}", "messages"));
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            ValidateMessage(array[i] as JsonObject, $"messages[{i}]", errors);
        }
    }

    private static void ValidateMessage(JsonObject? message, string path, List<ErrorDetail> errors)
    {
        if (message is null)
        {
            errors.Add(new("May not be null", path));
            return;
        }

        var type = message.GetString("type");
        switch (type)
        {
            case "text":
                RequireText(message, "text", MaxTextLength, path, errors);
                break;
            case "sticker":
                Require(message, "packageId", path, errors);
                Require(message, "stickerId", path, errors);
                break;
            case "image":
            case "video":
                RequireHttpsUrl(message, "originalContentUrl", path, errors);
                RequireHttpsUrl(message, "previewImageUrl", path, errors);
                break;
            case "audio":
                RequireHttpsUrl(message, "originalContentUrl", path, errors);
                Require(message, "duration", path, errors);
                break;
            case "location":
                RequireText(message, "title", 100, path, errors);
                RequireText(message, "address", 100, path, errors);
                Require(message, "latitude", path, errors);
                Require(message, "longitude", path, errors);
                break;
            case "imagemap":
                RequireHttpsUrl(message, "baseUrl", path, errors);
                RequireText(message, "altText", 1500, path, errors);
                Require(message, "baseSize", path, errors);
                Require(message, "actions", path, errors);
                break;
            case "template":
                RequireText(message, "altText", MaxAltTextLength, path, errors);
                Require(message, "template", path, errors);
                break;
            case "flex":
                RequireText(message, "altText", MaxAltTextLength, path, errors);
                ValidateFlexContents(message["contents"], $"{path}.contents", errors);
                break;
            default:
                errors.Add(new($"Must be one of the following values: [{string.Join(", ", s_types)}]", $"{path}.type"));
                break;
        }

        if (message["quickReply"] is JsonObject quickReply
            && (quickReply["items"] is not JsonArray items || items.Count is < 1 or > MaxQuickReplyItems))
        {
            errors.Add(new($"Size must be between 1 and {MaxQuickReplyItems}", $"{path}.quickReply.items"));
        }
    }

    private static void ValidateFlexContents(JsonNode? contents, string path, List<ErrorDetail> errors)
    {
        if (contents is not JsonObject container)
        {
            errors.Add(new("May not be null", path));
            return;
        }

        var size = Encoding.UTF8.GetByteCount(container.ToJsonString());
        switch (container.GetString("type"))
        {
            case "bubble":
                if (size > MaxBubbleBytes)
                {
                    errors.Add(new($"The size of a bubble must be at most {MaxBubbleBytes / 1024} KB", path));
                }

                break;
            case "carousel":
                if (container["contents"] is not JsonArray bubbles || bubbles.Count is < 1 or > MaxCarouselBubbles)
                {
                    errors.Add(new($"Size must be between 1 and {MaxCarouselBubbles}", $"{path}.contents"));
                }
                else if (size > MaxCarouselBytes)
                {
                    errors.Add(new($"The size of a carousel must be at most {MaxCarouselBytes / 1024} KB", path));
                }

                break;
            default:
                errors.Add(new("Must be one of the following values: [bubble, carousel]", $"{path}.type"));
                break;
        }
    }

    private static void Require(JsonObject message, string name, string path, List<ErrorDetail> errors)
    {
        if (message[name] is null)
        {
            errors.Add(new("May not be null", $"{path}.{name}"));
        }
    }

    /// <summary>Lengths are in UTF-16 code units, as LINE counts them
    /// (https://developers.line.biz/en/docs/messaging-api/text-character-count/).</summary>
    private static void RequireText(JsonObject message, string name, int maxLength, string path, List<ErrorDetail> errors)
    {
        var text = message.GetString(name);
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new("May not be empty", $"{path}.{name}"));
        }
        else if (text.Length > maxLength)
        {
            errors.Add(new($"Length must be between 0 and {maxLength}", $"{path}.{name}"));
        }
    }

    private static void RequireHttpsUrl(JsonObject message, string name, string path, List<ErrorDetail> errors)
    {
        var url = message.GetString(name);
        if (string.IsNullOrEmpty(url))
        {
            errors.Add(new("May not be empty", $"{path}.{name}"));
        }
        else if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(new("Must be a valid HTTPS URL of at most 2000 characters", $"{path}.{name}"));
        }
    }
}
