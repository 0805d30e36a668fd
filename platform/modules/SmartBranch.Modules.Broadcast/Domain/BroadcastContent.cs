using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;

namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>
/// One message of a delivery as staff compose it: a text (with LINE emoji), an image, or a お知らせ card.
/// <see cref="ToLineMessage"/> gives exactly what LINE receives, which is also what the approver sees.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(BroadcastText), "text")]
[JsonDerivedType(typeof(BroadcastImage), "image")]
[JsonDerivedType(typeof(BroadcastNotice), "notice")]
public abstract record BroadcastContent
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public abstract LineMessage ToLineMessage();

    /// <summary>The text a resident reads in this message (none for an image).</summary>
    internal abstract string Words { get; }

    /// <summary>Adds what is wrong with this message, in Japanese, prefixed with its position (1-based).</summary>
    internal abstract void Validate(int position, List<string> problems);

    /// <summary>Checks 1 to 5 messages against LINE's limits (https://developers.line.biz/en/reference/messaging-api/#message-objects).</summary>
    public static IReadOnlyList<string> ValidateAll(IReadOnlyList<BroadcastContent>? messages) =>
        ProblemsOf(messages).Select(p => p.Text).ToList();

    internal static List<BroadcastProblem> ProblemsOf(IReadOnlyList<BroadcastContent>? messages)
    {
        if (messages is null || messages.Count is 0 or > LineSendLimits.MaxMessagesPerRequest)
        {
            return [new(BroadcastDraftPart.Messages, $"メッセージは 1 件から {LineSendLimits.MaxMessagesPerRequest} 件までです（{messages?.Count ?? 0} 件あります）。")];
        }

        var problems = new List<BroadcastProblem>();
        for (var i = 0; i < messages.Count; i++)
        {
            var position = i + 1;
            if (messages[i] is null)
            {
                problems.Add(new(BroadcastDraftPart.Message, $"{position} 件目のメッセージが空です。", position));
                continue;
            }

            var found = new List<string>();
            messages[i].Validate(position, found);
            problems.AddRange(found.Select(text => new BroadcastProblem(BroadcastDraftPart.Message, text, position)));
        }

        return problems;
    }

    internal static string Serialize(IReadOnlyList<BroadcastContent> messages) => JsonSerializer.Serialize(messages, Json);

    internal static IReadOnlyList<BroadcastContent> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<BroadcastContent>>(json, Json) ?? [];

    /// <summary>An https URL of at most <paramref name="maxLength"/> characters, as LINE requires for images and links.</summary>
    private protected static bool IsHttpsUrl(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= maxLength
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps;
}

/// <summary>A text of at most 5,000 characters; each LINE emoji replaces a <c>$</c> in the text.</summary>
public sealed record BroadcastText(string Text, IReadOnlyList<LineEmoji>? Emojis = null) : BroadcastContent
{
    public override LineMessage ToLineMessage() =>
        new TextMessage(Text) { Emojis = Emojis is { Count: > 0 } ? Emojis : null };

    internal override string Words => Text;

    internal override void Validate(int position, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            problems.Add($"{position} 件目: 本文を入力してください。");
            return;
        }

        if (Text.Length > TextMessage.MaxLength)
        {
            problems.Add($"{position} 件目: 本文は {TextMessage.MaxLength:N0} 文字までです（{Text.Length:N0} 文字あります）。");
        }

        var emojis = Emojis ?? [];
        if (emojis.Count > LineEmoji.MaxPerMessage)
        {
            problems.Add($"{position} 件目: LINE 絵文字は {LineEmoji.MaxPerMessage} 個までです。");
        }

        foreach (var emoji in emojis)
        {
            if (emoji.Index < 0 || emoji.Index >= Text.Length || Text[emoji.Index] != '$')
            {
                problems.Add($"{position} 件目: LINE 絵文字の位置 {emoji.Index} に「$」がありません。");
            }
            else if (string.IsNullOrWhiteSpace(emoji.ProductId) || string.IsNullOrWhiteSpace(emoji.EmojiId))
            {
                problems.Add($"{position} 件目: LINE 絵文字の productId と emojiId を指定してください。");
            }
        }

        if (emojis.Select(e => e.Index).Distinct().Count() != emojis.Count)
        {
            problems.Add($"{position} 件目: 同じ位置に LINE 絵文字が 2 つあります。");
        }
    }
}

/// <summary>
/// An image from the media library: its published https URLs, the original (JPEG or PNG, at most 10 MB) and
/// the preview (at most 1 MB). The library checks type and size when the image is uploaded.
/// </summary>
public sealed record BroadcastImage(string OriginalUrl, string PreviewUrl) : BroadcastContent
{
    public const int MaxUrlLength = 2000;

    public override LineMessage ToLineMessage() => new ImageMessage(OriginalUrl, PreviewUrl);

    internal override string Words => "";

    internal override void Validate(int position, List<string> problems)
    {
        if (!IsHttpsUrl(OriginalUrl, MaxUrlLength) || !IsHttpsUrl(PreviewUrl, MaxUrlLength))
        {
            problems.Add($"{position} 件目: 画像は https の URL（{MaxUrlLength:N0} 文字まで）で指定してください。");
        }
    }
}

/// <summary>
/// A お知らせ card (a Flex bubble): a title, a body, an optional image above them and an optional link
/// button. The title is also the text shown in chat lists and notifications.
/// </summary>
public sealed record BroadcastNotice(string Title, string Body, string? ImageUrl = null, string? LinkLabel = null, string? LinkUrl = null) : BroadcastContent
{
    public const int MaxTitleLength = 100;
    public const int MaxBodyLength = 2000;
    public const int MaxLinkLabelLength = 20;
    public const int MaxLinkUrlLength = 1000;

    // LINE: a bubble's JSON is at most 30 KB (https://developers.line.biz/en/reference/messaging-api/#f-bubble).
    private const int MaxBubbleBytes = 30_000;

    public override LineMessage ToLineMessage() => new FlexMessage(Title, Bubble());

    internal override string Words => $"{Title}\n{Body}";

    internal override void Validate(int position, List<string> problems)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > MaxTitleLength)
        {
            problems.Add($"{position} 件目: お知らせの見出しは 1 文字から {MaxTitleLength} 文字までです。");
        }

        if (string.IsNullOrWhiteSpace(Body) || Body.Length > MaxBodyLength)
        {
            problems.Add($"{position} 件目: お知らせの本文は 1 文字から {MaxBodyLength:N0} 文字までです。");
        }

        if (ImageUrl is not null && !IsHttpsUrl(ImageUrl, BroadcastImage.MaxUrlLength))
        {
            problems.Add($"{position} 件目: お知らせの画像は https の URL で指定してください。");
        }

        if ((LinkLabel is null) != (LinkUrl is null))
        {
            problems.Add($"{position} 件目: リンクボタンには表示名と URL の両方を指定してください。");
        }
        else if (LinkLabel is not null)
        {
            if (string.IsNullOrWhiteSpace(LinkLabel) || LinkLabel.Length > MaxLinkLabelLength)
            {
                problems.Add($"{position} 件目: リンクボタンの表示名は 1 文字から {MaxLinkLabelLength} 文字までです。");
            }

            if (!IsHttpsUrl(LinkUrl, MaxLinkUrlLength))
            {
                problems.Add($"{position} 件目: リンク先は https の URL（{MaxLinkUrlLength:N0} 文字まで）で指定してください。");
            }
        }

        if (problems.Count == before && Encoding.UTF8.GetByteCount(Bubble().ToJsonString()) > MaxBubbleBytes)
        {
            problems.Add($"{position} 件目: お知らせが LINE の上限（30 KB）を超えています。本文を短くしてください。");
        }
    }

    private JsonObject Bubble()
    {
        var bubble = new JsonObject
        {
            ["type"] = "bubble",
            ["body"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["spacing"] = "md",
                ["contents"] = new JsonArray(
                    new JsonObject { ["type"] = "text", ["text"] = Title, ["weight"] = "bold", ["size"] = "lg", ["wrap"] = true },
                    new JsonObject { ["type"] = "text", ["text"] = Body, ["size"] = "md", ["wrap"] = true }),
            },
        };
        if (ImageUrl is not null)
        {
            bubble["hero"] = new JsonObject
            {
                ["type"] = "image", ["url"] = ImageUrl, ["size"] = "full", ["aspectRatio"] = "20:13", ["aspectMode"] = "cover",
            };
        }

        if (LinkLabel is not null && LinkUrl is not null)
        {
            bubble["footer"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["contents"] = new JsonArray(new JsonObject
                {
                    ["type"] = "button",
                    ["style"] = "primary",
                    ["action"] = new UriAction(LinkUrl) { Label = LinkLabel }.ToJsonObject(),
                }),
            };
        }

        return bubble;
    }
}
