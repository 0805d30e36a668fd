using SmartBranch.Kernel.Media;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.Portal.Modules.Broadcast.Compose;

/// <summary>
/// One message as staff are typing it: it may be incomplete (no image chosen yet), which the domain's
/// <see cref="BroadcastContent"/> cannot be, so what was typed survives every refused save.
/// </summary>
public abstract class MessageInput
{
    /// <summary>Stable across reordering, so inputs keep their ids and focus.</summary>
    public Guid Key { get; } = Guid.NewGuid();

    /// <summary>The message as the domain takes it; null while something it needs (an image) is missing.</summary>
    public abstract BroadcastContent? ToContent();

    public static MessageInput From(BroadcastContent content) => content switch
    {
        BroadcastText text => TextInput.From(text),
        BroadcastImage image => new ImageInput { Image = new StoredImage(image.OriginalUrl, image.PreviewUrl) },
        BroadcastNotice notice => new NoticeInput
        {
            Title = notice.Title,
            Body = notice.Body,
            ImageUrl = notice.ImageUrl,
            LinkLabel = notice.LinkLabel ?? "",
            LinkUrl = notice.LinkUrl ?? "",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "Unknown message type."),
    };
}

/// <summary>
/// A text with LINE emoji. The emoji fill the text's <c>$</c> placeholders in order: the first emoji the first
/// <c>$</c>, and so on; a <c>$</c> with no emoji left stays a plain <c>$</c>, as LINE shows it.
/// </summary>
public sealed class TextInput : MessageInput
{
    public const char Placeholder = '$';

    public string Text { get; set; } = "";

    public List<PickedEmoji> Emojis { get; } = [];

    /// <summary>Emoji with no <c>$</c> left for them in the text: LINE would not show them.</summary>
    public int UnplacedEmojis => Math.Max(0, Emojis.Count - PlaceholderIndexes().Count);

    public static TextInput From(BroadcastText text)
    {
        var input = new TextInput { Text = text.Text };
        input.Emojis.AddRange((text.Emojis ?? []).OrderBy(e => e.Index).Select(e => new PickedEmoji(e.ProductId, e.EmojiId)));
        return input;
    }

    /// <summary>Adds <paramref name="emoji"/> and a <c>$</c> for it at the end of the text.</summary>
    public void Append(PickedEmoji emoji)
    {
        Text += Placeholder;
        Emojis.Add(emoji);
    }

    /// <summary>Removes the <paramref name="position"/>th emoji (0-based) and its <c>$</c>.</summary>
    public void RemoveEmoji(int position)
    {
        var indexes = PlaceholderIndexes();
        if (position < indexes.Count)
        {
            Text = Text.Remove(indexes[position], 1);
        }

        Emojis.RemoveAt(position);
    }

    public override BroadcastContent ToContent()
    {
        var emojis = PlaceholderIndexes().Zip(Emojis, (index, emoji) => new LineEmoji(index, emoji.ProductId, emoji.EmojiId)).ToList();
        return new BroadcastText(Text, emojis.Count > 0 ? emojis : null);
    }

    private List<int> PlaceholderIndexes()
    {
        var indexes = new List<int>();
        for (var i = Text.IndexOf(Placeholder, StringComparison.Ordinal); i >= 0; i = Text.IndexOf(Placeholder, i + 1))
        {
            indexes.Add(i);
        }

        return indexes;
    }
}

/// <param name="ProductId">A LINE emoji set (<see cref="LineEmojiCatalog"/>).</param>
public sealed record PickedEmoji(string ProductId, string EmojiId);

public sealed class ImageInput : MessageInput
{
    public StoredImage? Image { get; set; }

    public override BroadcastContent? ToContent() => Image is { } image ? new BroadcastImage(image.OriginalUrl, image.PreviewUrl) : null;
}

/// <summary>The お知らせ card: a blank link label and URL mean no button.</summary>
public sealed class NoticeInput : MessageInput
{
    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string? ImageUrl { get; set; }

    public string LinkLabel { get; set; } = "";

    public string LinkUrl { get; set; } = "";

    public override BroadcastContent ToContent() => new BroadcastNotice(
        Title,
        Body,
        ImageUrl,
        string.IsNullOrWhiteSpace(LinkLabel) && string.IsNullOrWhiteSpace(LinkUrl) ? null : LinkLabel.Trim(),
        string.IsNullOrWhiteSpace(LinkLabel) && string.IsNullOrWhiteSpace(LinkUrl) ? null : LinkUrl.Trim());
}
